import { execFile } from 'node:child_process';
import { stat } from 'node:fs/promises';
import { promisify } from 'node:util';
import { PermanentError, TransientError } from '../../../domain/errors.ts';
import { DEFAULT_LIMITS, type EngineLimits, type LanguagePair, type Lexicon, type LexiconSource, type NameReading, type TranslationEngine } from '../../engine.ts';
import { ApertiumProcess, tappedPipeline } from './apertium-process.ts';
import { htmlToStream, readingOf, streamToHtml, streamToLexicon } from './apertium-stream.ts';
import { toIso1, toIso3 } from './iso639.ts';

const run = promisify(execFile);

export interface ApertiumEngineOptions {
  name?: string;
  command?: string;
  dataDir?: string;
  /** Restrict to these modes ("eng-spa"); default: every installed one. */
  modes?: string[];
  limits?: Partial<EngineLimits>;
  timeoutMs?: number;
}

/** Apertium, offline: one warm pipeline per mode, discovered from `apertium -l`. */
export interface ApertiumEngine extends TranslationEngine {
  translateWithLexicon: NonNullable<TranslationEngine['translateWithLexicon']>;
  nameReadings: NonNullable<TranslationEngine['nameReadings']>;
  /** The warm pipelines: one per mode in use. */
  processes(): Array<{ mode: string; pid: number | null; restarts: number }>;
}

export function createApertiumEngine(opts: ApertiumEngineOptions = {}): ApertiumEngine {
  const command = opts.command ?? 'apertium';
  const dirArgs = opts.dataDir ? ['-d', opts.dataDir] : [];
  const procs = new Map<string, ApertiumProcess>();
  let modes: Promise<Map<string, string>> | null = null;
  let version: Promise<string> | null = null;

  const discover = () =>
    (modes ??= run(command, [...dirArgs, '-l'])
      .then(({ stdout }) => {
        const map = new Map<string, string>();
        for (const mode of stdout.split(/\s+/).filter((m) => /^[a-z]{2,3}-[a-z]{2,3}$/.test(m))) {
          if (opts.modes && !opts.modes.includes(mode)) continue;
          const [a, b] = mode.split('-') as [string, string];
          map.set(`${toIso1(a)}-${toIso1(b)}`, mode);
        }
        return map;
      })
      .catch((err: unknown) => {
        modes = null;
        throw new TransientError(`translate: apertium is not available (${command} -l failed: ${(err as Error).message})`, 'translate.engine_down', { cause: err });
      }));

  const modeFor = async (from: string, to: string): Promise<string> => {
    const mode = (await discover()).get(`${from}-${to}`);
    if (!mode) throw new PermanentError(`translate: apertium has no ${from}→${to} pair (${toIso3(from)}-${toIso3(to)} not installed)`, 'translate.no_pair');
    return mode;
  };

  const analysers = new Map<string, ApertiumProcess>();
  /** The mode's first stage alone (the morphological analyser), warm: what the engine takes each word for. */
  const analyserFor = async (mode: string): Promise<ApertiumProcess> => {
    let proc = analysers.get(mode);
    if (proc) return proc;
    const first = (await pipelineOf(mode)).split(' | ')[0]!;
    proc = analysers.get(mode) ?? new ApertiumProcess({ mode: `${mode} analyser`, pipeline: first, timeoutMs: opts.timeoutMs });
    analysers.set(mode, proc);
    return proc;
  };

  const pipelineOf = async (mode: string): Promise<string> => {
    const modeFile = `${opts.dataDir ?? '/usr/share/apertium'}/modes/${mode}.mode`;
    return run('apertium-wblank-mode', ['-z', modeFile]).then(
      (r) => r.stdout.trim(),
      (err: unknown) => {
        throw new TransientError(`translate: cannot read apertium mode ${modeFile}: ${(err as Error).message}`, 'translate.engine_down');
      },
    );
  };

  const processFor = async (mode: string): Promise<ApertiumProcess> => {
    let proc = procs.get(mode);
    if (proc) return proc;
    const modeFile = `${opts.dataDir ?? '/usr/share/apertium'}/modes/${mode}.mode`;
    const pipeline = await run('apertium-wblank-mode', ['-z', modeFile]).then(
      (r) => r.stdout.trim(),
      (err: unknown) => {
        throw new TransientError(`translate: cannot read apertium mode ${modeFile}: ${(err as Error).message}`, 'translate.engine_down');
      },
    );
    const tapped = tappedPipeline(pipeline);
    proc = procs.get(mode) ?? new ApertiumProcess({ mode, pipeline: tapped ?? pipeline, tap: tapped !== null, timeoutMs: opts.timeoutMs });
    procs.set(mode, proc);
    return proc;
  };

  const translateStreams = async (segments: string[], from: string, to: string) => {
    const proc = await processFor(await modeFor(from, to));
    // A trailing blank keeps the final full stop (the tagger eats one right before the NUL).
    const outs = await proc.translate(segments.map((s) => `${htmlToStream(s)}[]`));
    return outs.map((o) => ({ text: streamToHtml(o.out).trim(), tap: o.tap }));
  };

  return {
    name: opts.name ?? 'apertium',
    limits: { ...DEFAULT_LIMITS, maxBatchSegments: 200, maxBatchChars: 100_000, ...opts.limits },
    costPerMillionChars: null,
    version: () =>
      (version ??= (async () => {
        const { stdout } = await run(command, ['-V']).catch(() => ({ stdout: 'apertium' }));
        // Pair data changes with its package: the mode files' mtimes stand for its version.
        const stamps: string[] = [];
        for (const mode of [...(await discover()).values()].sort()) {
          const dir = opts.dataDir ?? '/usr/share/apertium';
          const st = await stat(`${dir}/modes/${mode}.mode`).catch(() => null);
          stamps.push(`${mode}@${st ? Math.floor(st.mtimeMs / 1000) : 0}`);
        }
        return `${stdout.trim()} ${stamps.join(',')}`.trim();
      })()),
    pairs: async () => [...(await discover()).keys()].map((k): LanguagePair => {
      const [from, to] = k.split('-') as [string, string];
      return { from, to };
    }),
    async translate(segments, from, to) {
      return (await translateStreams(segments, from, to)).map((o) => o.text);
    },
    async translateWithLexicon(segments, from, to) {
      const outs = await translateStreams(segments, from, to);
      return { texts: outs.map((o) => o.text), lexicons: outs.map((o) => (o.tap === null ? null : readOnce(o.tap))) };
    },
    async nameReadings(phrases, from, to) {
      if (phrases.length === 0) return [];
      const proc = await analyserFor(await modeFor(from, to));
      const outs = await proc.translate(phrases.map((p) => `${htmlToStream(p)}[]`));
      return outs.map((o): NameReading => readingOf(o.out));
    },
    processes: () => [...procs.entries()].map(([mode, p]) => ({ mode, pid: p.pid(), restarts: p.restarts })),
    async close() {
      await Promise.all([...procs.values(), ...analysers.values()].map((p) => p.close()));
      procs.clear();
      analysers.clear();
    },
  };
}

/** The tap parsed on first use, once: the gate reads few segments' lexicons. */
function readOnce(tap: Buffer): LexiconSource {
  let lexicon: Lexicon | null = null;
  return () => (lexicon ??= streamToLexicon(tap.toString('utf8')));
}
