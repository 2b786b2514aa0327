/**
 * The error class is the retry policy. A job handler throws one of these and the queue knows what
 * to do: give up, retry with backoff, or wait without spending an attempt.
 */
export class TranswireError extends Error {
  readonly code: string;
  readonly retry: 'never' | 'backoff' | 'throttled';
  /** For throttled errors: when to try again (from Retry-After). */
  readonly retryAt: Date | null;
  readonly httpStatus: number;

  constructor(
    message: string,
    opts: { code: string; retry?: 'never' | 'backoff' | 'throttled'; retryAt?: Date | null; httpStatus?: number; cause?: unknown },
  ) {
    super(message, { cause: opts.cause });
    this.name = new.target.name;
    this.code = opts.code;
    this.retry = opts.retry ?? 'backoff';
    this.retryAt = opts.retryAt ?? null;
    this.httpStatus = opts.httpStatus ?? 500;
  }
}

/** Bad input that will be just as bad next time: never retried. */
export class PermanentError extends TranswireError {
  constructor(message: string, code: string, opts: { httpStatus?: number; cause?: unknown } = {}) {
    super(message, { code, retry: 'never', ...opts });
  }
}

/** A transient failure (network, 5xx, engine down): retried with exponential backoff. */
export class TransientError extends TranswireError {
  constructor(message: string, code: string, opts: { cause?: unknown } = {}) {
    super(message, { code, retry: 'backoff', httpStatus: 503, ...opts });
  }
}

/** Asked to slow down (429, Retry-After): retried later without spending an attempt. */
export class ThrottledError extends TranswireError {
  constructor(message: string, code: string, retryAt: Date, opts: { cause?: unknown } = {}) {
    super(message, { code, retry: 'throttled', retryAt, httpStatus: 503, ...opts });
  }
}

export function errorMessage(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
