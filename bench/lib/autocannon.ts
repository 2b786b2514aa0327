import { spawn } from 'node:child_process';

export interface Load { rps: number; p99: number; p50: number; errors: number; tool: string; statuses: Record<string, number> }

// autocannon's API in a child process: its command line reads `[` as a sub-argument, so a URL
// with the `[<id>]` placeholder (a unique value per request) cannot be passed there.
const RUNNER = `const [opts] = JSON.parse(process.argv[1]);
require('autocannon')(opts, (err, r) => { if (err) { console.error(err); process.exit(1); } process.stdout.write(JSON.stringify(r)); });`;

/** autocannon in its own process, so its CPU is not the server's. */
export function autocannon(url: string, opts: { connections: number; seconds: number; headers?: Record<string, string>; unique?: boolean }): Promise<Load> {
  const options = { url, connections: opts.connections, duration: opts.seconds, headers: opts.headers, idReplacement: opts.unique ?? false };
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['-e', RUNNER, JSON.stringify([options])], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d));
    child.on('error', reject);
    child.on('close', () => {
      try {
        const r = JSON.parse(out);
        const statuses: Record<string, number> = {};
        for (const [code, s] of Object.entries((r.statusCodeStats ?? {}) as Record<string, { count: number }>)) statuses[code] = s.count;
        resolve({ rps: r.requests.average, p99: r.latency.p99, p50: r.latency.p50, errors: r.errors + r.non2xx, tool: 'autocannon', statuses });
      } catch (err) {
        reject(new Error(`autocannon gave no result for ${url}: ${(err as Error).message}`));
      }
    });
  });
}
