/**
 * npm run drill: transwire on a PostgreSQL server, as operators run it — `transwire worker` × N
 * and `transwire web` × 2 as real processes on a fake internet of news sources (the freshness
 * bench's, with the demo newsroom's pages behind it) and Apertium — measured, then broken on
 * purpose. Printed as a report (a table per part, PASS/FAIL per invariant); exits 1 when an
 * invariant fails.
 *   npx tsx bench/drill/main.ts [--short] [--json PATH] [--port N] [--skip-throughput]
 * --short (npm run drill:short, run by CI): about a minute of faults on a small world — a few
 * kill -9s, one PostgreSQL restart, Apertium killed once — and the invariants; no throughput.
 * The PostgreSQL server is the drill's own (scripts/start-postgres.sh on --port, default 54339),
 * never the shared test server; it is removed at the end. Logs of every process: the run folder.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { faultsPart, type FaultSettings } from './faults.ts';
import { freezeBuild } from './frozen-build.ts';
import { startDrillPostgres } from './postgres.ts';
import { heading, Report } from './report.ts';
import { throughputPart } from './throughput.ts';
import { startWorld } from './world.ts';

const { values } = parseArgs({ options: { short: { type: 'boolean', default: false }, json: { type: 'string' }, port: { type: 'string', default: '54339' }, 'skip-throughput': { type: 'boolean', default: false } } });
const short = values.short!;

const FULL: FaultSettings = {
  sources: 1000, hosts: 20, history: 0, meanGapMs: 4_000_000, workers: 4, webs: 2, seconds: 600, killEveryS: 5.8,
  pgRestartAtS: 60, apertiumKillAtS: 120, engineFault: { atS: 180, seconds: 60 }, hostHang: { atS: 270, seconds: 60 },
  mediaFull: { atS: 360, seconds: 30 },
  load: { atS: 420, connections: 500, seconds: 60 }, webKill: { atS: 510, connections: 100, seconds: 40 },
  progressS: 45, drainS: 420, poll: { minSeconds: 20, maxSeconds: 120 }, leaseSeconds: 10, seed: 14,
};
const SHORT: FaultSettings = {
  sources: 20, hosts: 5, history: 1, meanGapMs: 240_000, workers: 2, webs: 1, seconds: 50, killEveryS: 6,
  pgRestartAtS: 20, apertiumKillAtS: 32, mediaFull: { atS: 38, seconds: 8 }, progressS: 15, drainS: 120, poll: { minSeconds: 5, maxSeconds: 15 }, leaseSeconds: 6, seed: 14,
};

const started = Date.now();
const runDir = mkdtempSync(join(tmpdir(), 'transwire-drill-'));
const report = new Report();
console.log(`transwire drill (${short ? 'short' : 'full'}): ${cpus().length} cores, load average ${loadavg().map((l) => l.toFixed(1)).join(' ')} at the start; logs in ${runDir}`);
if (loadavg()[0]! > cpus().length) report.notes.push(`the machine was loaded (load average ${loadavg()[0]!.toFixed(1)} on ${cpus().length} cores at the start): timings are loaded figures`);

const bin = freezeBuild(runDir);
console.log(`  the processes run ${bin}: the checkout as it was at the start, compiled`);
const pg = await startDrillPostgres(Number(values.port));
let crashed: unknown = null;
const part = async (name: string, run: () => Promise<void>) => {
  try {
    await run();
  } catch (err) {
    crashed = err;
    report.check(name, `the ${name} part ran to the end`, false, (err as Error).stack ?? String(err));
  }
};
try {
  if (!short && !values['skip-throughput']) {
    // Throughput on a world of 150 sources with one story each waiting: more than 4 workers
    // publish in the window, few enough that extraction is over when it starts.
    const world = await startWorld({ sources: 150, hosts: 20, history: 1, durationMs: 3_600_000, meanGapMs: 36_000_000, seed: 7 });
    await part('throughput', async () => {
      report.parts.throughput = await throughputPart({ bin, pg, world, runDir, report, counts: [1, 2, 4], windowS: 45, firstTimeoutS: 240 });
    });
    await world.close();
  }
  await part('faults', async () => {
    report.parts.faults = await faultsPart({ bin, pg, runDir, report, s: short ? SHORT : FULL });
  });
} finally {
  await pg.stop();
}

heading('Summary');
for (const note of report.notes) console.log(`  note: ${note}`);
const failed = report.failed;
console.log(`  ${report.checks.length - failed.length}/${report.checks.length} invariants PASS${failed.length ? `; FAIL: ${failed.map((c) => c.invariant).join('; ')}` : ''} (${((Date.now() - started) / 1000).toFixed(0)} s in all)`);
if (values.json) writeFileSync(values.json, report.json({ mode: short ? 'short' : 'full', startedAt: new Date(started).toISOString(), seconds: (Date.now() - started) / 1000, cores: cpus().length, runDir }));
process.exit(failed.length || crashed ? 1 : 0);
