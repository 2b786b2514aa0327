export interface BackoffOptions {
  baseMs?: number;
  capMs?: number;
  /** Injectable for tests; Math.random by default. */
  random?: () => number;
}

/**
 * Delay before retry number `attempt` (0 = first retry): exponential, capped, with "equal jitter"
 * — half the step is fixed, half random — so failures spread out yet never retry at once.
 * The one backoff: a failing source's next poll (fetch) and a failed job's next run (jobs).
 */
export function backoffDelay(attempt: number, opts: BackoffOptions = {}): number {
  const { baseMs = 1_000, capMs = 3_600_000, random = Math.random } = opts;
  const n = Math.max(0, Math.floor(attempt));
  // 2 ** n overflows to Infinity past ~1023; min() keeps the cap exact.
  const step = Math.min(capMs, baseMs * 2 ** Math.min(n, 60));
  return Math.round(step / 2 + random() * (step / 2));
}
