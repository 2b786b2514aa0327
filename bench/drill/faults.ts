/**
 * Faults while the wire runs on PostgreSQL: `transwire worker` × N and `transwire web` × M as
 * real processes on the drill's world, a reader of the web tier throughout, and on a timeline:
 * kill -9 of a random worker every few seconds, a PostgreSQL restart, Apertium's processes
 * killed, a LibreTranslate first in the chain failing then hanging for a minute, a source host
 * that hangs, the web tier at full load, a web process killed under load. Then the world stops,
 * the queue drains, and the invariants are read from the database.
 */
import { join } from 'node:path';
import type { Db } from '../../src/store/db.ts';
import { startFakeLibreTranslate, type FakeLibre } from './fake-libretranslate.ts';
import { duplicates, itemOutcomes, leases, publishedCount } from './invariants.ts';
import { loadWebs, type LoadResult } from './load.ts';
import { fillMediaDisk, releaseMediaDisk } from './media-disk.ts';
import type { DrillPostgres } from './postgres.ts';
import { startProber } from './probe.ts';
import { Supervisor, type Proc } from './processes.ts';
import { heading, table, type Report } from './report.ts';
import { freePort, prepareDatabase, writeConfig } from './setup.ts';
import { mulberry32 } from '../lib/random.ts';
import { startWorld } from './world.ts';
import { autocannon } from '../lib/autocannon.ts';

export interface FaultSettings {
  sources: number;
  hosts: number;
  history: number;
  meanGapMs: number;
  workers: number;
  webs: number;
  seconds: number;
  killEveryS: number;
  pgRestartAtS: number;
  apertiumKillAtS: number;
  engineFault?: { atS: number; seconds: number };
  hostHang?: { atS: number; seconds: number };
  mediaFull?: { atS: number; seconds: number };
  load?: { atS: number; connections: number; seconds: number };
  webKill?: { atS: number; connections: number; seconds: number };
  /** How long after a fault the published count must have grown (the wire recovered). */
  progressS: number;
  drainS: number;
  poll: { minSeconds: number; maxSeconds: number };
  leaseSeconds: number;
  seed: number;
}

interface FaultRow {
  fault: string;
  atS: number;
  detail: string;
  publishedBefore: number;
  publishedAfter: number | null;
  /** Seconds from the fault's start to the next article published (null: none until the end). */
  nextPublishedS: number | null;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function faultsPart(o: { bin: string; pg: DrillPostgres; runDir: string; report: Report; s: FaultSettings }): Promise<Record<string, unknown>> {
  const { s, report } = o;
  heading(`Faults: ${s.sources} sources on ${s.hosts} hosts, ${s.workers} workers, ${s.webs} web, ${s.seconds} s`);
  const world = await startWorld({ sources: s.sources, hosts: s.hosts, history: s.history, durationMs: s.seconds * 1000, meanGapMs: s.meanGapMs, seed: s.seed });
  const libre: FakeLibre | null = s.engineFault ? await startFakeLibreTranslate() : null;
  const url = await o.pg.createDatabase('drill_faults');
  const db: Db = await prepareDatabase(url, world);
  const config = join(o.runDir, 'faults.yaml');
  const mediaDir = join(o.runDir, 'media');
  const configure = (libreUrl?: string) => writeConfig(config, { databaseUrl: url, world, poll: s.poll, libreUrl, leaseSeconds: s.leaseSeconds, mediaDir });
  configure();
  const webPorts = await Promise.all(Array.from({ length: s.webs }, () => freePort()));
  const sup = new Supervisor(o.bin, config, o.runDir, (role, slot) => (role === 'web' ? ['--port', String(webPorts[slot])] : []));
  const webUrls = webPorts.map((p) => `http://127.0.0.1:${p}`);
  const random = mulberry32(s.seed + 1);
  const rows: FaultRow[] = [];
  const result: Record<string, unknown> = { settings: s };
  let kills = 0;
  let killsSkipped = 0;
  let finished = false;
  let killTimer: NodeJS.Timeout | undefined;
  let prober: ReturnType<typeof startProber> | null = null;
  try {
    for (let i = 0; i < s.workers; i++) sup.start('worker', i);
    for (let i = 0; i < s.webs; i++) sup.start('web', i);
    const setupStart = Date.now();
    await Promise.all(sup.list('web').map((w) => w.url));
    // Faults begin once the workers work: a first article published where the feeds had a
    // backlog, else a first poll recorded (the full world starts empty and fills as it runs).
    const working = async () =>
      s.history > 0
        ? (await publishedCount(db)) > 0
        : (await db.query<{ n: number }>('SELECT count(*)::int AS n FROM sources WHERE last_fetch_at IS NOT NULL')).rows[0]!.n > 0;
    while (!(await working())) {
      if (Date.now() - setupStart > 240_000) throw new Error(`faults: the workers did nothing in the 240 s after they started; logs in ${o.runDir}`);
      await sleep(500);
    }
    console.log(`  workers at work ${((Date.now() - setupStart) / 1000).toFixed(0)} s after the processes started (${s.history > 0 ? 'first article published' : 'first poll recorded'}); faults begin`);
    // The reader starts once the site has something to show; from here on every request counts.
    prober = startProber(() => webUrls, { concurrency: 2, timeoutMs: 10_000, pauseMs: 100 });
    const t0 = Date.now();
    const at = (sec: number) => sleep(Math.max(0, t0 + sec * 1000 - Date.now()));
    const progressChecks: Promise<void>[] = [];
    const fault = async (name: string, atS: number, act: () => Promise<string>) => {
      await at(atS);
      const publishedBefore = await publishedCount(db);
      const started = Date.now();
      // A story appears as the fault begins, so there is always something to publish after it.
      world.arrive(started);
      const row: FaultRow = { fault: name, atS, detail: '', publishedBefore, publishedAfter: null, nextPublishedS: null };
      rows.push(row);
      // Recovery: the first article published after the fault began, watched until the drill ends.
      void (async () => {
        while (!finished && row.nextPublishedS === null) {
          await sleep(1000);
          const n = await publishedCount(db).catch(() => publishedBefore);
          if (n > publishedBefore) row.nextPublishedS = (Date.now() - started) / 1000;
        }
      })();
      row.detail = await act();
      console.log(`  t=${String(atS).padStart(3)} s  ${name}: ${row.detail}`);
      progressChecks.push(
        sleep(s.progressS * 1000).then(async () => {
          row.publishedAfter = await publishedCount(db).catch(() => null);
        }),
      );
      return row;
    };

    // kill -9 of a random worker every killEveryS, never within 6 s of the database restart (a
    // worker started while the server is down exits on its first query: the supervisor's case,
    // not the one measured here) nor 3 s of Apertium's kill (that fault needs pipelines running).
    const killLoop = () => {
      const elapsed = (Date.now() - t0) / 1000;
      if (elapsed >= s.seconds - 1) return;
      if (Math.abs(elapsed - s.pgRestartAtS) > 6 && Math.abs(elapsed - s.apertiumKillAtS) > 3) {
        // A worker that is still starting is not a candidate: on a loaded machine a start takes
        // longer than the interval, and killing starters only would test nothing past start-up.
        const alive = sup.list('worker').filter((p) => !p.killed && p.startedAt !== null && p.child.exitCode === null && p.child.signalCode === null);
        const victim = alive[Math.floor(random() * alive.length)];
        if (victim) {
          sup.kill(victim);
          kills++;
        } else killsSkipped++;
      }
      killTimer = setTimeout(killLoop, s.killEveryS * 1000);
    };
    killTimer = setTimeout(killLoop, s.killEveryS * 1000);

    const timeline: Array<Promise<unknown>> = [];
    timeline.push(
      fault('PostgreSQL restart', s.pgRestartAtS, async () => {
        const ms = await o.pg.restart();
        return `pg_ctl restart -m fast took ${(ms / 1000).toFixed(1)} s`;
      }),
    );
    timeline.push(
      fault('Apertium killed', s.apertiumKillAtS, async () => {
        // The pipelines' processes, not tsx's esbuild service (a worker's own part, not Apertium).
        // A worker just restarted after a kill starts its pipeline at its first translation:
        // wait (up to 60 s) until some are running.
        const pipelines = () => sup.descendants(sup.list('worker').map((p) => p.child.pid!).filter(Boolean)).filter((d) => d.comm !== 'node' && d.comm !== 'esbuild');
        const until = Date.now() + 60_000;
        while (!pipelines().some((d) => d.comm === 'lt-proc') && Date.now() < until) await sleep(250);
        const victims = pipelines();
        for (const v of victims) {
          try {
            process.kill(v.pid, 'SIGKILL');
          } catch {
            // gone already
          }
        }
        return `kill -9 of ${victims.length} processes under the workers (${[...new Set(victims.map((v) => v.comm))].join(', ') || 'none running'})`;
      }),
    );
    if (s.engineFault && libre) {
      const ef = s.engineFault;
      timeline.push(
        fault('engine 500 then timeouts', ef.atS, async () => {
          // A chain with LibreTranslate first is deployed (every worker restarted with SIGTERM),
          // the engine fails for the minute, then the chain without it is deployed again.
          configure(libre.url);
          sup.restartAll('worker');
          libre.setMode('error');
          await sleep((ef.seconds / 2) * 1000);
          libre.setMode('hang');
          await sleep((ef.seconds / 2) * 1000);
          configure();
          sup.restartAll('worker');
          return `chain [libre, apertium] deployed; LibreTranslate answered 500 for ${ef.seconds / 2} s, then nothing for ${ef.seconds / 2} s (timeout 5 s): calls ${JSON.stringify(libre.calls)}; chain [apertium] again`;
        }),
      );
    }
    if (s.hostHang) {
      const hh = s.hostHang;
      const host = world.net.hosts[0]!;
      timeline.push(
        fault('source host hangs', hh.atS, async () => {
          const before = world.net.requests.get(host) ?? 0;
          world.net.hang(host, true);
          await sleep(hh.seconds * 1000);
          world.net.hang(host, false);
          return `${host} (${world.net.sources.filter((x) => x.host === host).length} sources) accepted and never answered for ${hh.seconds} s: ${(world.net.requests.get(host) ?? 0) - before} requests held`;
        }),
      );
    }
    if (s.mediaFull) {
      const mf = s.mediaFull;
      timeline.push(
        fault('media disk full', mf.atS, async () => {
          const disk = await fillMediaDisk(mediaDir);
          if (!disk.full) {
            report.notes.push(`media disk full: not run — ${disk.why}`);
            return `not run: ${disk.why}`;
          }
          await sleep(mf.seconds * 1000);
          await disk.release();
          return `${disk.why}, for ${mf.seconds} s`;
        }),
      );
    }
    if (s.load) {
      const ld = s.load;
      timeline.push(
        fault(`web at ${ld.connections} connections`, ld.atS, async () => {
          const r: LoadResult = await loadWebs(sup.list('web'), webUrls, ld.connections, ld.seconds);
          result.load = r;
          return r.perWeb.map((w) => `${w.url}: ${w.rps.toFixed(0)} req/s, p99 ${w.p99} ms, errors ${w.errors}, RSS ${w.rssStartMiB.toFixed(0)}→max ${w.rssMaxMiB.toFixed(0)} MiB`).join('; ');
        }),
      );
    }
    if (s.webKill) {
      const wk = s.webKill;
      timeline.push(
        fault('web killed under load', wk.atS, async () => {
          const victim = sup.list('web')[0] as Proc;
          const load = autocannon(`${webUrls[0]}/es/`, { connections: wk.connections, seconds: wk.seconds });
          await sleep(3000);
          const killedAt = Date.now();
          sup.kill(victim);
          // Back when the restarted process answers on the same port.
          let backMs = -1;
          while (Date.now() - killedAt < wk.seconds * 1000) {
            const ok = await fetch(`${webUrls[0]}/healthz`, { signal: AbortSignal.timeout(2000) }).then((r) => r.ok, () => false);
            if (ok && sup.list('web')[0] !== victim) {
              backMs = Date.now() - killedAt;
              break;
            }
            await sleep(200);
          }
          const l = await load;
          result.webKill = { ...l, backMs };
          const back = backMs >= 0 ? `back after ${(backMs / 1000).toFixed(1)} s` : `not back within ${wk.seconds} s`;
          return `kill -9 of web 0 under ${wk.connections} connections: ${back}; its clients saw ${l.errors} errors (connections to the dead process), p99 ${l.p99} ms`;
        }),
      );
    }
    await Promise.all(timeline);
    await at(s.seconds);
    clearTimeout(killTimer);
    await Promise.all(progressChecks);
    result.kills = kills;
    result.killsSkipped = killsSkipped;
    console.log(`  t=${s.seconds} s  faults over: ${kills} workers killed with SIGKILL (${killsSkipped} turns passed: every worker still starting), ${sup.starts} process starts in all`);

    // Drain: the world stopped adding items (it ends with the faults); everything shown must end
    // somewhere, and the drain is longer than the longest poll interval.
    const drainStart = Date.now();
    let outcomes = await itemOutcomes(db, 'es', world.itemsShownBy(Date.now()));
    while ((outcomes.pending > 0 || outcomes.notIngested > 0 || outcomes.lost > 0) && Date.now() - drainStart < s.drainS * 1000) {
      await sleep(2000);
      outcomes = await itemOutcomes(db, 'es', world.itemsShownBy(Date.now()));
    }
    const drainedS = (Date.now() - drainStart) / 1000;
    finished = true;
    const dup = await duplicates(db);
    const lease = await leases(db, s.leaseSeconds * 2);
    const probe = await prober.stop();
    const media = (await db.query<{ state: string; n: number }>(`SELECT state, count(*)::int AS n FROM jobs WHERE kind = 'mirror-media' GROUP BY state`)).rows;
    result.mediaJobs = Object.fromEntries(media.map((m) => [m.state, m.n]));
    const engines = (await db.query<{ engine: string; n: number }>(`SELECT engine, count(*)::int AS n FROM translations GROUP BY engine ORDER BY n DESC`)).rows;
    Object.assign(result, { rows, outcomes, duplicates: dup, leases: lease, probe, engines, drainedS, unexpected: sup.unexpected });

    console.log(
      '\n' +
        table([
          ['t (s)', 'fault', 'published before', `published ${s.progressS} s after`, 'next published after (s)'],
          ...rows.map((r) => [r.atS, r.fault, r.publishedBefore, r.publishedAfter ?? '?', r.nextPublishedS?.toFixed(0) ?? 'never']),
        ]),
    );
    console.log(
      '\n' +
        table([
          ['items', 'published', 'held', 'failed', 'skipped (dup)', 'pending', 'lost', 'not ingested', 'drained in'],
          [outcomes.items, outcomes.published, outcomes.held, outcomes.failed, outcomes.skipped, outcomes.pending, outcomes.lost, outcomes.notIngested, `${drainedS.toFixed(0)} s`],
        ]),
    );
    console.log(`  mirror-media jobs: ${JSON.stringify(result.mediaJobs)}`);
    console.log(`  jobs: ${JSON.stringify(lease.byState)}; ran more than once: ${lease.ranMoreThanOnce}; translations by engine: ${engines.map((e) => `${e.engine} ${e.n}`).join(', ')}`);
    console.log(`  web reader (failover like a balancer): ${probe.requests} requests, ${probe.serverErrors} 5xx, ${probe.unanswered} unanswered, ${probe.failedOver} failed over, p50 ${probe.p50} ms, p99 ${probe.p99} ms, max ${probe.max} ms`);
    console.log('');

    const part = 'faults';
    report.check(part, 'every item published, held with a reason, or failed with its error', outcomes.lost === 0 && outcomes.pending === 0 && outcomes.notIngested === 0,
      `${outcomes.published} published, ${outcomes.held} held, ${outcomes.failed} failed, ${outcomes.skipped} skipped as duplicates; ${outcomes.lost} lost, ${outcomes.pending} still pending, ${outcomes.notIngested} never ingested${outcomes.examples.length ? ` (${outcomes.examples.join('; ')})` : ''}`);
    report.check(part, 'none published twice', dup.itemsPublishedTwice === 0 && dup.pathsTwice === 0 && dup.itemsTwice === 0,
      `${dup.itemsPublishedTwice} items with two live publications, ${dup.pathsTwice} paths twice, ${dup.itemsTwice} items stored twice`);
    report.check(part, 'no job leased forever', lease.leasedForever === 0 && lease.failedWithoutError === 0,
      `${lease.leasedForever} jobs running past lease + ${s.leaseSeconds * 2} s, ${lease.failedWithoutError} failed without an error; ${lease.ranMoreThanOnce} jobs ran more than once`);
    report.check(part, 'the workers recover without a restart of their own', sup.unexpected.length === 0,
      sup.unexpected.length ? sup.unexpected.map((u) => `${u.role} ${u.slot} (pid ${u.pid}) exited ${u.code ?? u.signal} at t=${((u.at - t0) / 1000).toFixed(0)} s`).join('; ') : `no process exited but the ${kills} the drill killed`);
    for (const r of rows) {
      if (r.fault.startsWith('web')) continue;
      report.check(part, `publishing goes on after: ${r.fault}`, r.nextPublishedS !== null,
        r.nextPublishedS === null ? 'nothing published after it until the end' : `the next article published ${r.nextPublishedS.toFixed(0)} s after it began (${r.publishedBefore} → ${r.publishedAfter ?? '?'} live publications ${s.progressS} s later)`);
    }
    const errorRate = probe.requests ? (probe.serverErrors + probe.unanswered) / probe.requests : 1;
    report.check(part, 'web answers throughout', probe.unanswered === 0 && errorRate <= 0.01,
      `${probe.requests} requests, ${(errorRate * 100).toFixed(2)} % errors (${probe.serverErrors} 5xx, ${probe.unanswered} unanswered), p99 ${probe.p99} ms`);
    const load = result.load as LoadResult | undefined;
    if (load) {
      const errors = load.perWeb.reduce((n, w) => n + w.errors, 0);
      const rss = Math.max(...load.perWeb.map((w) => w.rssMaxMiB));
      report.check('load', `web tier at ${load.connections} connections for ${load.seconds} s: no error, memory bounded`, errors === 0 && rss < 1024,
        `${errors} errors; ${load.perWeb.map((w) => `${w.rps.toFixed(0)} req/s p99 ${w.p99} ms RSS max ${w.rssMaxMiB.toFixed(0)} MiB`).join('; ')}`);
    }
    const wk = result.webKill as { backMs: number } | undefined;
    if (wk) report.check(part, 'a web killed under load comes back and the other answers meanwhile', wk.backMs >= 0 && probe.unanswered === 0, wk.backMs >= 0 ? `back after ${(wk.backMs / 1000).toFixed(1)} s` : 'not back before the load on it ended');
    return result;
  } finally {
    finished = true;
    clearTimeout(killTimer);
    await prober?.stop();
    await sup.stopAll(10_000);
    await releaseMediaDisk(mediaDir);
    await db.close().catch(() => undefined);
    await libre?.close();
    await world.close();
  }
}
