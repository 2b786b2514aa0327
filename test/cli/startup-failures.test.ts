import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * A start-up failure must end the process with one line naming the setting: a supervisor only
 * sees a failure that exits. Before, `run` kept its scheduler and workers going without the web
 * server, so these waited for the time limit instead of an exit code.
 */
const dir = mkdtempSync(join(tmpdir(), 'tw-startup-'));
let busy: Server;
let busyPort = 0;

beforeAll(async () => {
  busy = createServer();
  await new Promise<void>((r) => busy.listen(0, '127.0.0.1', r));
  busyPort = (busy.address() as { port: number }).port;
});
afterAll(() => {
  busy?.close();
  rmSync(dir, { recursive: true, force: true });
});

function cli(args: string[], env: NodeJS.ProcessEnv = {}): Promise<{ code: number | null; signal: string | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [new URL('../../bin/transwire.js', import.meta.url).pathname, ...args], { env: { ...process.env, ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d));
    child.stderr.on('data', (d: Buffer) => (stderr += d));
    // Far longer than a start takes; a process still running then is the bug.
    const limit = setTimeout(() => child.kill('SIGKILL'), 280_000);
    child.on('exit', (code, signal) => {
      clearTimeout(limit);
      resolve({ code, signal, stdout, stderr });
    });
  });
}

function configWith(name: string, yaml: string): string {
  const file = join(dir, name);
  writeFileSync(file, yaml);
  return file;
}

/** The failure line: exactly one line on stderr (logs go as JSON lines, which are not it). */
function failureLines(stderr: string): string[] {
  return stderr.split('\n').filter((l) => l.startsWith('transwire:'));
}

describe('a failure at start', { timeout: 300_000 }, () => {
  it('run: a port in use stops every part and exits 1 naming server.port', async () => {
    const config = configWith('run.yaml', `database:\n  dataDir: ${join(dir, 'run-db')}\nserver:\n  port: ${busyPort}\n`);
    const res = await cli(['run', '--config', config, '--log-format', 'json']);
    expect(res.signal, res.stderr).toBeNull();
    expect(res.code).toBe(1);
    expect(failureLines(res.stderr)).toEqual([`transwire: server.port: 127.0.0.1:${busyPort} is already in use (another transwire, or another server): choose another port`]);
    expect(res.stderr).not.toMatch(/\n\s+at /);
  });

  it('web: a host that does not resolve exits 1 naming server.host', async () => {
    const config = configWith('web.yaml', `database:\n  dataDir: ${join(dir, 'web-db')}\n`);
    const res = await cli(['web', '--config', config, '--host', 'nowhere.invalid', '--port', '0', '--log-format', 'json']);
    expect(res.code, res.stderr).toBe(1);
    expect(failureLines(res.stderr)).toHaveLength(1);
    expect(failureLines(res.stderr)[0]).toMatch(/^transwire: server\.host: .*nowhere\.invalid/);
  });

  it('a data folder that is a file exits 1 naming database.dataDir', async () => {
    const file = join(dir, 'not-a-folder');
    writeFileSync(file, 'x');
    const config = configWith('file.yaml', `database:\n  dataDir: ${file}\n`);
    const res = await cli(['run', '--config', config, '--log-format', 'json']);
    expect(res.code, res.stderr).toBe(1);
    expect(failureLines(res.stderr)).toEqual([`transwire: database.dataDir: ${file} is not a folder (a file is in the way)`]);
  });

  it('demo: a busy --port exits 1 with the reason, and its temporary folder is gone', async () => {
    const tmp = mkdtempSync(join(dir, 'tmp-'));
    const res = await cli(['demo', '--port', String(busyPort), '--log-format', 'json'], { TMPDIR: tmp });
    expect(res.signal, res.stderr).toBeNull();
    expect(res.code).toBe(1);
    expect(failureLines(res.stderr)).toEqual([`transwire: --port: 127.0.0.1:${busyPort} is already in use (another transwire, or another server): choose another port`]);
    // (tsx keeps its cache there too: only the demo's folder matters.)
    expect(readdirSync(tmp).filter((f) => f.startsWith('transwire-demo-'))).toEqual([]);
  });
});
