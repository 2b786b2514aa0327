import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import checkCommand from '../../src/cli/check.ts';
import translateCommand from '../../src/cli/translate.ts';

const fx = (f: string) => new URL(`../fixtures/translate/${f}`, import.meta.url).pathname;

async function capture(fn: () => Promise<number>): Promise<{ code: number; out: string }> {
  let out = '';
  const spy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    out += String(chunk);
    return true;
  });
  try {
    return { code: await fn(), out };
  } finally {
    spy.mockRestore();
  }
}
afterEach(() => vi.restoreAllMocks());

describe('transwire check', () => {
  it('prints {ok, findings} as JSON and exits 0 for a clean translation', async () => {
    const { code, out } = await capture(() => checkCommand(['--from', 'en', '--to', 'es', fx('armenia.html'), fx('armenia.es.html'), '--json']));
    const report = JSON.parse(out);
    expect(code).toBe(0);
    expect(report.ok).toBe(true);
    expect(Object.keys(report)).toEqual(['ok', 'findings']);
  });

  it('finds the seed fault in a garbled translation and exits 1', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'tw-check-'));
    const { readFile } = await import('node:fs/promises');
    const garbled = (await readFile(fx('armenia.es.html'), 'utf8')).replace('Tass citado Pashinyan', 'Tass citado agencia rusa Tass');
    await writeFile(join(dir, 'bad.html'), garbled);
    const { code, out } = await capture(() => checkCommand(['--from', 'en', '--to', 'es', fx('armenia.html'), join(dir, 'bad.html'), '--json']));
    expect(code).toBe(1);
    const findings = JSON.parse(out).findings as Array<Record<string, unknown>>;
    expect(findings).toContainEqual(expect.objectContaining({ check: 'repetition', severity: 'error', segment: 10 }));
    for (const f of findings) expect(Object.keys(f).sort()).toEqual(['check', 'detail', 'segment', 'severity', 'source', 'target']);
  });

  it('refuses bad usage', async () => {
    await expect(checkCommand(['--from', 'en', fx('armenia.html')])).rejects.toMatchObject({ code: 'cli.usage' });
  });
});

describe('transwire translate (real Apertium)', () => {
  it('keeps plain text line for line, numbers in target notation', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'tw-tr-'));
    await writeFile(join(dir, 'in.txt'), 'Russia maintains 2,000 peacekeepers there.\n\nThe house is red.\n');
    const { code, out } = await capture(() => translateCommand(['--from', 'en', '--to', 'es', join(dir, 'in.txt')]));
    expect(code).toBe(0);
    expect(out).toBe('Rusia mantiene 2.000 peacekeepers allí.\n\nLa casa es roja.\n');
  });

  it('translates HTML and adds engine, cost and checks with --json', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'tw-tr-'));
    await writeFile(join(dir, 'in.html'), '<p>The <b>house</b> is red.</p>\n<pre>x = 1</pre>');
    const { out } = await capture(() => translateCommand(['--from', 'en', '--to', 'es', '--json', join(dir, 'in.html')]));
    const r = JSON.parse(out);
    expect(r.html).toBe('<p>La <b>casa</b> es roja.</p>\n<pre>x = 1</pre>');
    expect(r.engine).toBe('apertium');
    expect(r.cost).toMatchObject({ engine: 'apertium', characters: 24 });
    expect(r.checks.ok).toBe(true);
  });
});
