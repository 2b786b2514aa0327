import { ThrottledError, TranswireError } from '../domain/errors.ts';
import type { LexiconSource, TranslationEngine } from './engine.ts';

export interface RunnerOptions {
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
  /** Attempts for a transient failure (5xx, engine down), with exponential backoff. */
  maxAttempts?: number;
  backoffMs?: number;
  /** A Retry-After up to this long is waited out; longer ones move on to the next engine. */
  maxThrottleWaitMs?: number;
  onAlert?: (alert: EngineAlert) => void;
}

export interface EngineAlert {
  engine: string;
  code: string;
  message: string;
  until: string | null;
}

/**
 * Wraps one engine with what the orchestrator owns: batching to the engine's limits, a rate limit,
 * a daily character budget, retries that follow the error class, and a stop when the quota is gone.
 */
export class EngineRunner {
  private nextSlot = 0;
  private day = '';
  charsToday = 0;
  /** Set when the quota or budget is spent: the engine is skipped until then. */
  stoppedUntil: number | null = null;
  private readonly now: () => number;
  private readonly sleep: (ms: number) => Promise<void>;

  constructor(readonly engine: TranslationEngine, private readonly opts: RunnerOptions = {}) {
    this.now = opts.now ?? Date.now;
    this.sleep = opts.sleep ?? ((ms) => new Promise((r) => setTimeout(r, ms)));
  }

  async translate(segments: string[], from: string, to: string): Promise<string[]> {
    return (await this.translateWithLexicon(segments, from, to, false)).texts;
  }

  /** As translate, with each segment's lexicon where the engine gives one (TranslationEngine.translateWithLexicon). */
  async translateWithLexicon(segments: string[], from: string, to: string, withLexicon = true): Promise<{ texts: string[]; lexicons: Array<LexiconSource | null> }> {
    const texts: string[] = [];
    const lexicons: Array<LexiconSource | null> = [];
    for (const batch of batches(segments, this.engine.limits.maxBatchSegments, this.engine.limits.maxBatchChars)) {
      const r = await this.translateBatch(batch, from, to, withLexicon);
      texts.push(...r.texts);
      lexicons.push(...r.lexicons);
    }
    return { texts, lexicons };
  }

  private async translateBatch(batch: string[], from: string, to: string, withLexicon: boolean): Promise<{ texts: string[]; lexicons: Array<LexiconSource | null> }> {
    const chars = batch.reduce((n, s) => n + s.length, 0);
    this.checkBudget(chars);
    const maxAttempts = this.opts.maxAttempts ?? 3;
    for (let attempt = 1; ; attempt++) {
      await this.rateLimit();
      try {
        const r = withLexicon && this.engine.translateWithLexicon
          ? await this.engine.translateWithLexicon(batch, from, to)
          : { texts: await this.engine.translate(batch, from, to), lexicons: batch.map(() => null) };
        if (r.texts.length !== batch.length || r.lexicons.length !== batch.length) {
          throw new TranswireError(`translate: ${this.engine.name} returned ${r.texts.length} segments for ${batch.length}`, { code: 'translate.bad_response' });
        }
        this.charsToday += chars;
        return r;
      } catch (err) {
        if (!(err instanceof TranswireError) || err.retry === 'never') throw err;
        if (err.code === 'translate.quota_exceeded') {
          this.stop(err.retryAt?.getTime() ?? nextUtcMidnight(this.now()), err.code, err.message);
          throw err;
        }
        const wait = err.retry === 'throttled' && err.retryAt ? err.retryAt.getTime() - this.now() : (this.opts.backoffMs ?? 200) * 2 ** (attempt - 1);
        if (err.retry === 'throttled' ? wait > (this.opts.maxThrottleWaitMs ?? 10_000) : attempt >= maxAttempts) throw err;
        await this.sleep(Math.max(0, wait));
      }
    }
  }

  private checkBudget(chars: number): void {
    const now = this.now();
    const day = new Date(now).toISOString().slice(0, 10);
    if (day !== this.day) {
      this.day = day;
      this.charsToday = 0;
      if (this.stoppedUntil !== null && this.stoppedUntil <= now) this.stoppedUntil = null;
    }
    if (this.stoppedUntil !== null && this.stoppedUntil > now) {
      throw new ThrottledError(`translate: ${this.engine.name} is stopped until ${new Date(this.stoppedUntil).toISOString()}`, 'translate.engine_stopped', new Date(this.stoppedUntil));
    }
    const budget = this.engine.limits.dailyCharBudget;
    if (budget !== null && this.charsToday + chars > budget) {
      const until = nextUtcMidnight(now);
      this.stop(until, 'translate.budget_exhausted', `daily budget of ${budget} characters spent`);
      throw new ThrottledError(`translate: ${this.engine.name} daily budget of ${budget} characters spent`, 'translate.budget_exhausted', new Date(until));
    }
  }

  private stop(until: number, code: string, message: string): void {
    this.stoppedUntil = until;
    this.opts.onAlert?.({ engine: this.engine.name, code, message, until: new Date(until).toISOString() });
  }

  private async rateLimit(): Promise<void> {
    const rps = this.engine.limits.requestsPerSecond;
    if (!rps) return;
    const now = this.now();
    const at = Math.max(now, this.nextSlot);
    this.nextSlot = at + 1000 / rps;
    if (at > now) await this.sleep(at - now);
  }
}

export function batches(segments: string[], maxSegments: number, maxChars: number): string[][] {
  const out: string[][] = [];
  let cur: string[] = [];
  let chars = 0;
  for (const s of segments) {
    if (cur.length && (cur.length >= maxSegments || chars + s.length > maxChars)) {
      out.push(cur);
      cur = [];
      chars = 0;
    }
    cur.push(s);
    chars += s.length;
  }
  if (cur.length) out.push(cur);
  return out;
}

export function nextUtcMidnight(now: number): number {
  const d = new Date(now);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate() + 1);
}
