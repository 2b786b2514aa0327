import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import type { Readable } from 'node:stream';
import { TransientError } from '../../../domain/errors.ts';
import { rejoinSourceGlued, withJoinBlanks } from './join-blanks.ts';

export interface ApertiumProcessOptions {
  mode: string;
  /** The mode's shell pipeline in null-flush form (from `apertium-wblank-mode -z`). */
  pipeline: string;
  /** Time allowed per call before the pipeline is presumed stuck and restarted. */
  timeoutMs?: number;
  /** The pipeline also writes a copy of one stage's output to fd 3 (see tappedPipeline): read it per segment. */
  tap?: boolean;
}

/**
 * One segment back from the pipeline: the translation, and the tapped stage's output when there
 * is a tap — kept as bytes (its marker in front), decoded only if someone reads it.
 */
export interface ProcessOutput {
  out: string;
  tap: Buffer | null;
}

interface Pending {
  /** The pipeline the call was written to: only its answers, or its death, settle the call. */
  child: ChildProcessWithoutNullStreams;
  expected: number;
  outputs: string[];
  taps: Buffer[];
  resolve: (out: ProcessOutput[]) => void;
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
  private tapRest: Buffer = NO_BYTES;
  private pending: Pending[] = [];
  private seq = 0;
  restarts = 0;

  /** The pipeline run: the mode's, with words run together by transfer set apart again (see join-blanks.ts). */
  private readonly pipeline: string;
  private readonly joinsBlanks: boolean;

  constructor(private readonly opts: ApertiumProcessOptions) {
    this.pipeline = withJoinBlanks(opts.pipeline);
    this.joinsBlanks = this.pipeline !== opts.pipeline;
  }

  translate(streams: string[]): Promise<ProcessOutput[]> {
    return this.run(streams);
  }

  private start(): ChildProcessWithoutNullStreams {
    // The pipeline is run directly, not through the `apertium` script: that script reads
    // /dev/stdin, which fails on the socket Node gives a child. $1 = -n: no unknown-word marks.
    // --norc: bash reads ~/.bashrc when its stdin is a socket (Debian's SSH_SOURCE_BASHRC), and
    // Node's stdin is one; a user's rc file then ran in every pipeline (pyenv's rehash waited up to
    // a minute on its lock, so every call timed out under load) and could print into the output.
    const child = spawn('bash', ['--norc', '--noprofile', '-c', this.pipeline, 'apertium', '-n', ''], { stdio: ['pipe', 'pipe', 'pipe', this.opts.tap ? 'pipe' : 'ignore'], detached: true }) as ChildProcessWithoutNullStreams;
    child.stdout.setEncoding('utf8');
    const tap = child.stdio[3] as Readable | null;
    // Bytes, not text: a tap is five times the translation and the gate reads few of them.
    // A pipeline that was killed can still flush or exit after its successor started: what it
    // says then belongs to no call of the new one (it used to fail them, or shift their answers).
    tap?.on('data', (d: Buffer) => this.child === child && this.onTap(d));
    let stderr = '';
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (d: string) => (stderr = (stderr + d).slice(-2000)));
    child.stdout.on('data', (d: string) => this.child === child && this.onData(d));
    const onGone = (why: string) => {
      if (this.child === child) this.child = null;
      this.fail(child, new TransientError(`translate: apertium ${this.opts.mode} ${why}${stderr ? `: ${stderr.trim()}` : ''}`, 'translate.engine_down'));
    };
    child.on('error', (err) => onGone(`could not start (${err.message})`));
    child.on('exit', (code, signal) => onGone(`exited (${signal ?? code})`));
    child.stdin.on('error', () => undefined); // reported through 'exit'
    this.buffer = '';
    this.tapRest = NO_BYTES;
    this.child = child;
    return child;
  }

  private run(streams: string[]): Promise<ProcessOutput[]> {
    if (streams.length === 0) return Promise.resolve([]);
    const child = this.child ?? this.start();
    const base = this.seq;
    this.seq += streams.length;
    // Generous: a call waits for the calls written before it.
    const queued = this.pending.reduce((n, p) => n + p.expected, 0);
    const timeoutMs = this.opts.timeoutMs ?? 30_000 + streams.join('').length + queued * 50;
    return new Promise<ProcessOutput[]>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.fail(child, new TransientError(`translate: apertium ${this.opts.mode} timed out after ${timeoutMs} ms`, 'translate.engine_timeout'));
        this.kill();
      }, timeoutMs);
      this.pending.push({ child, expected: streams.length, outputs: [], taps: [], resolve, reject, timer });
      const payload = streams.map((s, i) => `${marker(base + i)}${s}\0`).join('');
      child.stdin.write(payload);
    }).then((outs) =>
      outs.map((o, i) => {
        const m = marker(base + i);
        const out = this.unmark(o.out, m);
        if (o.tap !== null) this.checkMark(o.tap, m);
        return { out: this.joinsBlanks ? rejoinSourceGlued(streams[i]!, out) : out, tap: o.tap };
      }),
    );
  }

  /** A tapped segment opens with its marker too (it stays: blanks are skipped when the tap is read). */
  private checkMark(tap: Buffer, m: string): void {
    const at = tap.indexOf(m);
    this.aligned(at >= 0 && tap.subarray(0, at).toString('latin1').trim() === '', 'in its tap');
  }

  /** The segment without its marker. */
  private unmark(text: string, m: string): string {
    const at = text.indexOf(m);
    this.aligned(at >= 0 && text.slice(0, at).trim() === '', '');
    return text.slice(0, at) + text.slice(at + m.length);
  }

  /** A missing or misplaced marker means outputs no longer line up with calls: the pipeline is killed. */
  private aligned(ok: boolean, where: string): void {
    if (ok) return;
    this.kill();
    throw new TransientError(`translate: apertium ${this.opts.mode} lost segment alignment${where ? ` ${where}` : ''}`, 'translate.engine_desync');
  }

  private onData(chunk: string): void {
    this.buffer += chunk;
    let nul: number;
    while ((nul = this.buffer.indexOf('\0')) >= 0) {
      const out = this.buffer.slice(0, nul);
      this.buffer = this.buffer.slice(nul + 1);
      // Extra flushes at shutdown belong to no call.
      this.pending.find((p) => p.outputs.length < p.expected)?.outputs.push(out);
    }
    this.settle();
  }

  /** The tap runs ahead of the translation (it leaves the pipeline halfway): its segments are kept until their call completes. */
  private onTap(chunk: Buffer): void {
    let start = 0;
    for (let nul = chunk.indexOf(0); nul >= 0; nul = chunk.indexOf(0, start)) {
      const part = chunk.subarray(start, nul);
      const tap = this.tapRest.length > 0 ? Buffer.concat([this.tapRest, part]) : part;
      this.tapRest = NO_BYTES;
      this.pending.find((p) => p.taps.length < p.expected)?.taps.push(tap);
      start = nul + 1;
    }
    if (start < chunk.length) this.tapRest = Buffer.concat([this.tapRest, chunk.subarray(start)]);
    this.settle();
  }

  private settle(): void {
    for (let p = this.pending[0]; p && p.outputs.length === p.expected && (!this.opts.tap || p.taps.length === p.expected); p = this.pending[0]) {
      clearTimeout(p.timer);
      this.pending.shift();
      p.resolve(p.outputs.map((out, i) => ({ out, tap: this.opts.tap ? p.taps[i]! : null })));
    }
  }

  /** Fails the calls written to `child` (those written to a newer pipeline go on). */
  private fail(child: ChildProcessWithoutNullStreams, err: Error): void {
    const all = this.pending.filter((p) => p.child === child);
    if (all.length === 0) return;
    this.pending = this.pending.filter((p) => p.child !== child);
    this.restarts++;
    for (const p of all) {
      clearTimeout(p.timer);
      p.reject(err);
    }
  }

  /** Kills the pipeline and fails at once what was in flight on it: its output can no longer be trusted. */
  private kill(): void {
    const child = this.child;
    this.child = null;
    if (!child) return;
    this.fail(child, new TransientError(`translate: apertium ${this.opts.mode} restarted (a call before this one lost its place)`, 'translate.engine_desync'));
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

const NO_BYTES = Buffer.alloc(0);

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

/**
 * The mode's pipeline with a copy of its bilingual stage (after lexical selection when the pair
 * has one) written to fd 3: what each source word became, in context, at the cost of a `tee`.
 * Null when the pipeline has no such stage.
 */
export function tappedPipeline(pipeline: string): string | null {
  const stages = pipeline.split(' | ');
  let at = stages.findIndex((s) => s.trimStart().startsWith('lrx-proc'));
  if (at < 0) at = stages.findIndex((s) => /^\s*lt-proc\b.*\s-b\s/.test(s));
  if (at < 0) return null;
  // Process substitution: tee cannot open the socket Node gives the child as fd 3, cat can write to it.
  stages.splice(at + 1, 0, 'tee >(exec cat >&3)');
  return stages.join(' | ');
}
