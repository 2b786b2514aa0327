import { TranswireError } from '../domain/errors.ts';
import { isDeterministicDbError } from '../store/db-errors.ts';

export interface RetryDecision {
  runAt: Date;
  /** Throttling (429, Retry-After) waits without spending an attempt. */
  countAttempt: boolean;
}

/** Exponential backoff with full jitter between half and all of the step, capped. */
export function backoffMs(attempt: number, baseMs = 5_000, capMs = 3_600_000, random = Math.random): number {
  const step = Math.min(capMs, baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(step / 2 + (random() * step) / 2);
}

/**
 * The error class is the retry policy: never → null; throttled → its time; else backoff. A
 * database error the same data will raise again (a NUL byte in text, a CHECK constraint) is never
 * retried either: eight identical failures only hide it from the operator for hours.
 */
export function decideRetry(err: unknown, attempt: number, now = new Date(), baseMs?: number): RetryDecision | null {
  if (err instanceof TranswireError) {
    if (err.retry === 'never') return null;
    if (err.retry === 'throttled') {
      return { runAt: err.retryAt ?? new Date(now.getTime() + backoffMs(attempt, baseMs)), countAttempt: false };
    }
  } else if (isDeterministicDbError(err)) {
    return null;
  }
  return { runAt: new Date(now.getTime() + backoffMs(attempt, baseMs)), countAttempt: true };
}
