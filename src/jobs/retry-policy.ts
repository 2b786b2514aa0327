import { TranswireError } from '../domain/errors.ts';
import { backoffDelay } from '../shared/backoff.ts';
import { isDeterministicDbError } from '../store/db-errors.ts';

export interface RetryDecision {
  runAt: Date;
  /** Throttling (429, Retry-After) waits without spending an attempt. */
  countAttempt: boolean;
}

/** The shared backoff (shared/backoff.ts) for a job's attempt `attempt` (1 = the first failure). */
export function backoffMs(attempt: number, baseMs = 5_000, capMs = 3_600_000, random = Math.random): number {
  return backoffDelay(attempt - 1, { baseMs, capMs, random });
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
