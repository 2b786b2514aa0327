import type { Db } from '../../store/db.ts';
import { accountFailures, addressFailures, deleteLoginAttemptsBefore, recordLoginAttempt } from '../../store/login-attempts.ts';

export interface ThrottlePolicy {
  windowMs: number;
  /** Failures per account in the window (since its last good login) before it is refused. */
  perAccount: number;
  /** Failures from one address in the window, whatever the accounts. */
  perAddress: number;
}

export const DEFAULT_THROTTLE: ThrottlePolicy = { windowMs: 15 * 60_000, perAccount: 5, perAddress: 20 };

/**
 * Whether a login may be tried now. Counted in the database, so several web processes (and a
 * restart) share one count. A refused attempt is not recorded: the refusal lifts a window after
 * the oldest failure that counts. Returns the seconds to wait, or 0.
 */
export async function loginRetryAfter(db: Db, email: string, address: string, now: Date, policy = DEFAULT_THROTTLE): Promise<number> {
  const since = new Date(now.getTime() - policy.windowMs);
  const wait = (oldest: Date | null) => Math.max(1, Math.ceil(((oldest ? new Date(oldest).getTime() : now.getTime()) + policy.windowMs - now.getTime()) / 1000));
  const account = await accountFailures(db, email, since);
  if (account.count >= policy.perAccount) return wait(account.oldest);
  const byAddress = await addressFailures(db, address, since);
  if (byAddress.count >= policy.perAddress) return wait(byAddress.oldest);
  return 0;
}

export async function recordLogin(db: Db, attempt: { email: string; address: string; ok: boolean; now: Date }, policy = DEFAULT_THROTTLE): Promise<void> {
  await recordLoginAttempt(db, { at: attempt.now, email: attempt.email, address: attempt.address, ok: attempt.ok });
  // Rows older than a day matter to nobody; swept now and then instead of by a timer.
  if (Math.random() < 0.02) await deleteLoginAttemptsBefore(db, new Date(attempt.now.getTime() - Math.max(policy.windowMs, 86_400_000)));
}
