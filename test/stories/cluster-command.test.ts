import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requireApertiumPair } from '../helpers/require-tool.ts';
import { runCli } from '../helpers/run-cli.ts';
import { portStrike, quake, quakeRepublished } from './fixtures.ts';
import { gluedStream } from './split-fixtures.ts';

describe('transwire cluster', () => {
  let dir: string;
  beforeAll(() => {
    requireApertiumPair('spa-eng');
    dir = mkdtempSync(join(tmpdir(), 'tw-cluster-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('prints one line per article: the story, duplicateOf for a copy, a Spanish report in its English story via Apertium; a bad line is reported and the rest go on', async () => {
    const line = (a: typeof quake) => JSON.stringify({ ...a, published: a.published?.toISOString() ?? null });
    const spanish = {
      id: 'quake-es',
      lang: 'es',
      title: 'Un terremoto de magnitud 6,8 mata a 42 personas en Valparaíso',
      lead: 'Un terremoto de magnitud 6,8 sacudió la ciudad portuaria chilena de Valparaíso y mató al menos a 42 personas.',
      text: 'El presidente Gabriel Boric declaró el estado de catástrofe en la región de Valparaíso. Los equipos de rescate buscaron entre los edificios derrumbados del puerto.',
      published: '2026-03-03T12:00:00Z',
    };
    const file = join(dir, 'articles.jsonl');
    writeFileSync(file, [line(quake), line(portStrike), '{"id": "broken", "lang": "en"', line(quakeRepublished), JSON.stringify(spanish), ''].join('\n'));
    const r = await runCli(['cluster', file, '--json'], { cwd: dir });
    expect(r.stderr).toBe('');
    const out = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(out).toEqual([
      { id: 'quake-1', story: 'quake-1' },
      { id: 'strike-1', story: 'strike-1' },
      { line: 3, error: 'cluster: not a JSON object' },
      { id: 'quake-copy', story: 'quake-1', duplicateOf: 'quake-1' },
      { id: 'quake-es', story: 'quake-1' },
    ]);
    expect(r.code).toBe(1);
  }, 300_000);

  it('splits a story that grew into two events, as the pipeline does, and says which articles left for which story', async () => {
    const file = join(dir, 'glued.jsonl');
    writeFileSync(file, gluedStream.map((a) => JSON.stringify({ ...a, published: a.published?.toISOString() ?? null })).join('\n'));
    const r = await runCli(['cluster', file, '--json', '--no-translate'], { cwd: dir });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const out = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as { id: string; story: string; split?: unknown });
    expect(out.filter((o) => o.split)).toEqual([
      { id: 'fire-3', story: 'fire-1', split: { story: 'quake-1', newStory: 'fire-1', moved: ['fire-1', 'fire-2', 'fire-3'] } },
    ]);
    expect(out.find((o) => o.id === 'fire-4')!.story).toBe('fire-1');
    expect(out.find((o) => o.id === 'quake-4')!.story).toBe('quake-1');
    const plain = await runCli(['cluster', file, '--no-translate'], { cwd: dir });
    expect(plain.stdout).toContain('fire-3\tfire-1\tsplit: fire-1, fire-2, fire-3 left quake-1 for fire-1\n');
  }, 300_000);

  it('without a file it prints the usage and exits 2', async () => {
    const r = await runCli(['cluster'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/usage: transwire cluster/);
  }, 300_000);
});
