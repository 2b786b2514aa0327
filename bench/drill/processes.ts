/**
 * `transwire worker` and `transwire web` as real child processes (the frozen build's
 * bin/transwire.js, see frozen-build.ts), supervised
 * as systemd would (Restart=always): one the drill kills is started again. One that exits without
 * being killed is a finding: it is counted, logged, and started again so the drill goes on.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

export type Role = 'worker' | 'web';

export interface Proc {
  role: Role;
  slot: number;
  child: ChildProcess;
  /** Set when the drill killed it on purpose. */
  killed: boolean;
  /** The web process's URL once it listens. */
  url: Promise<string>;
  /** When it logged "transwire started" (null while it starts). */
  startedAt: number | null;
}

export interface Unexpected {
  role: Role;
  slot: number;
  pid: number;
  code: number | null;
  signal: string | null;
  at: number;
}

export class Supervisor {
  readonly procs = new Map<string, Proc>();
  readonly unexpected: Unexpected[] = [];
  starts = 0;
  private closing = false;

  /** `bin`: the frozen build's bin/transwire.js. `extraArgs`: per process (a web's fixed --port, so a restarted one is found where it was). */
  constructor(private readonly bin: string, private readonly config: string, private readonly logDir: string, private readonly extraArgs: (role: Role, slot: number) => string[] = () => []) {}

  start(role: Role, slot: number): Proc {
    const log = createWriteStream(join(this.logDir, `${role}-${slot}.log`), { flags: 'a' });
    const args = [this.bin, role, '--config', this.config, ...this.extraArgs(role, slot)];
    const child = spawn(process.execPath, args, { env: { ...process.env, TRANSWIRE_RUNTIME: 'compiled' }, stdio: ['ignore', role === 'web' ? 'pipe' : 'ignore', 'pipe'] });
    // The log goes to its file; the line saying the process is up is noted on the way.
    child.stderr!.pipe(log);
    createInterface({ input: child.stderr! }).on('line', (line) => {
      if (proc.startedAt === null && line.includes('"msg":"transwire started"')) proc.startedAt = Date.now();
    });
    this.starts++;
    const url = new Promise<string>((resolve, reject) => {
      if (!child.stdout) return;
      createInterface({ input: child.stdout }).on('line', (line) => {
        const m = /site at (\S+?)\/?$/.exec(line);
        if (m) resolve(m[1]!);
      });
      child.once('exit', () => reject(new Error(`${role} ${slot} exited before it listened`)));
    });
    url.catch(() => undefined);
    const proc: Proc = { role, slot, child, killed: false, url, startedAt: null };
    this.procs.set(`${role}-${slot}`, proc);
    child.once('exit', (code, signal) => {
      if (this.closing || this.procs.get(`${role}-${slot}`) !== proc) return;
      if (!proc.killed) this.unexpected.push({ role, slot, pid: child.pid ?? 0, code, signal, at: Date.now() });
      // Started again after a short pause, as a supervisor does (a start refused while the
      // database restarts is tried again the same way).
      setTimeout(() => !this.closing && this.procs.get(`${role}-${slot}`) === proc && this.start(role, slot), proc.killed ? 200 : 1000);
    });
    return proc;
  }

  list(role: Role): Proc[] {
    return [...this.procs.values()].filter((p) => p.role === role);
  }

  /** kill -9 of one process; the supervisor starts it again. */
  kill(proc: Proc): void {
    proc.killed = true;
    proc.child.kill('SIGKILL');
  }

  /** SIGTERM to every process of a role (a deploy): each finishes its jobs in hand, and is started again. */
  restartAll(role: Role): void {
    for (const p of this.list(role)) {
      p.killed = true;
      p.child.kill('SIGTERM');
    }
  }

  /** The processes each process started (Apertium's pipelines), by reading /proc. */
  descendants(pids: number[]): Array<{ pid: number; comm: string }> {
    const parent = new Map<number, number>();
    const comm = new Map<number, string>();
    for (const name of readdirSync('/proc')) {
      if (!/^\d+$/.test(name)) continue;
      try {
        const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
        const close = stat.lastIndexOf(')');
        comm.set(Number(name), stat.slice(stat.indexOf('(') + 1, close));
        parent.set(Number(name), Number(stat.slice(close + 2).split(' ')[1]));
      } catch {
        // gone meanwhile
      }
    }
    const out: Array<{ pid: number; comm: string }> = [];
    const wanted = new Set(pids);
    for (const [pid] of parent) {
      for (let p = parent.get(pid); p !== undefined && p > 1; p = parent.get(p)) {
        if (wanted.has(p)) {
          out.push({ pid, comm: comm.get(pid) ?? '?' });
          break;
        }
      }
    }
    return out;
  }

  /** Stops everything: SIGTERM, then SIGKILL after `graceMs`. */
  async stopAll(graceMs = 15_000): Promise<void> {
    this.closing = true;
    const all = [...this.procs.values()].map((p) => p.child).filter((c) => c.exitCode === null && c.signalCode === null);
    await Promise.all(
      all.map(
        (c) =>
          new Promise<void>((resolve) => {
            const timer = setTimeout(() => c.kill('SIGKILL'), graceMs);
            c.once('exit', () => {
              clearTimeout(timer);
              resolve();
            });
            c.kill('SIGTERM');
          }),
      ),
    );
  }
}

/** Resident memory of a process in MiB, from /proc (null when it is gone). */
export function rssMiB(pid: number | undefined): number | null {
  if (!pid) return null;
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : null;
  } catch {
    return null;
  }
}
