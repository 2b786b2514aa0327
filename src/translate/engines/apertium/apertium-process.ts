import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { TransientError } from '../../../domain/errors.ts';

export interface ApertiumProcessOptions {
  mode: string;
  /** The mode's shell pipeline in null-flush form (from `apertium-wblank-mode -z`). */
  pipeline: string;
  /** Time allowed per call before the pipeline is presumed stuck and restarted. */
  timeoutMs?: number;
}

interface Pending {
  expected: number;
  outputs: string[];
  resolve: (out: string[]) => void;
  reject: (err: Error) => void;
  timer: NodeJS.Timeout;
}

/**
 * One long-lived `apertium -z` pipeline for one mode. Segments are written NUL-terminated and every
 * stage flushes on NUL, so a call costs no process start. Calls are pipelined: a second call is
 * written while the first is still in the later stages, and answers come back in order. A marker
 * blank in front of each segment proves the outputs line up; any crash, stall or mismatch kills
 * the pipeline, fails what was in flight, and the next call starts a fresh one.
 */
export class ApertiumProcess {
  private child: ChildProcessWithoutNullStreams | null = null;
  private buffer = '';
  private pending: Pending[] = [];
  private seq = 0;
  restarts = 0;

  constructor(private readonly opts: ApertiumProcessOptions) {}

  translate(streams: string[]): Promise<string[]> {
    return this.run(streams);
  }

  private start(): ChildProcessWithoutNullStreams {
    // The pipeline is run directly, not through the `apertium` script: that script reads
    // /dev/stdin, which fails on the socket Node gives a child. $1 = -n: no unknown-word marks.
    const child = spawn('bash', ['-c', this.opts.pipeline, 'apertium', '-n', ''], { stdio: ['pipe', 'pipe', 'pipe'], detached: true });
    child.stdout.setEncoding('utf8');
    let stderr = '';
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (d: string) => (stderr = (stderr + d).slice(-2000)));
    child.stdout.on('data', (d: string) => this.onData(d));
    const onGone = (why: string) => {
      if (this.child === child) this.child = null;
      this.fail(new TransientError(`translate: apertium ${this.opts.mode} ${why}${stderr ? `: ${stderr.trim()}` : ''}`, 'translate.engine_down'));
    };
    child.on('error', (err) => onGone(`could not start (${err.message})`));
    child.on('exit', (code, signal) => onGone(`exited (${signal ?? code})`));
    child.stdin.on('error', () => undefined); // reported through 'exit'
    this.buffer = '';
    this.child = child;
    return child;
  }

  private run(streams: string[]): Promise<string[]> {
    if (streams.length === 0) return Promise.resolve([]);
    const child = this.child ?? this.start();
    const base = this.seq;
    this.seq += streams.length;
    // Generous: a call waits for the calls written before it.
    const queued = this.pending.reduce((n, p) => n + p.expected, 0);
    const timeoutMs = this.opts.timeoutMs ?? 30_000 + streams.join('').length + queued * 50;
    return new Promise<string[]>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.fail(new TransientError(`translate: apertium ${this.opts.mode} timed out after ${timeoutMs} ms`, 'translate.engine_timeout'));
        this.kill();
      }, timeoutMs);
      this.pending.push({ expected: streams.length, outputs: [], resolve, reject, timer });
      const payload = streams.map((s, i) => `${marker(base + i)}${s}\0`).join('');
      child.stdin.write(payload);
    }).then((outs) =>
      outs.map((o, i) => {
        const m = marker(base + i);
        const at = o.indexOf(m);
        if (at < 0 || o.slice(0, at).trim() !== '') {
          this.kill();
          throw new TransientError(`translate: apertium ${this.opts.mode} lost segment alignment`, 'translate.engine_desync');
        }
        return o.slice(0, at) + o.slice(at + m.length);
      }),
    );
  }

  private onData(chunk: string): void {
    this.buffer += chunk;
    let nul: number;
    while ((nul = this.buffer.indexOf('\0')) >= 0) {
      const out = this.buffer.slice(0, nul);
      this.buffer = this.buffer.slice(nul + 1);
      const p = this.pending[0];
      if (!p) continue; // extra flushes at shutdown
      p.outputs.push(out);
      if (p.outputs.length === p.expected) {
        clearTimeout(p.timer);
        this.pending.shift();
        p.resolve(p.outputs);
      }
    }
  }

  private fail(err: Error): void {
    const all = this.pending;
    if (all.length === 0) return;
    this.pending = [];
    this.restarts++;
    for (const p of all) {
      clearTimeout(p.timer);
      p.reject(err);
    }
  }

  private kill(): void {
    const child = this.child;
    this.child = null;
    if (!child) return;
    child.stdin.destroy();
    killGroup(child);
  }

  pid(): number | null {
    return this.child?.pid ?? null;
  }

  async close(): Promise<void> {
    const child = this.child;
    this.child = null;
    if (!child) return;
    await new Promise<void>((resolve) => {
      child.once('exit', () => resolve());
      child.stdin.end();
      setTimeout(() => killGroup(child), 2000).unref();
    });
  }
}

function marker(n: number): string {
  return `[<!--tw${n}-->]`;
}

/** The pipeline is a shell with a dozen children: kill the whole process group we created. */
function killGroup(child: ChildProcessWithoutNullStreams): void {
  try {
    if (child.pid) process.kill(-child.pid, 'SIGKILL');
  } catch {
    child.kill('SIGKILL');
  }
}
