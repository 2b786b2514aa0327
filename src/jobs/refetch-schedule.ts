const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/**
 * When a published article is fetched again, counted from its first publication on this site:
 * often while a story is young and still being corrected, then rarely, then never. The default of
 * `fetch.refetchSchedule` (src/config/refetch-schedule.ts says it in words); the first step is also
 * the default of articles.refetch_at (migration 096).
 */
export const REFETCH_SCHEDULE_MS: readonly number[] = [10 * MINUTE, HOUR, 6 * HOUR, 24 * HOUR, 72 * HOUR];

/**
 * A new article is first due this long after it arrives (articles.refetch_at's default, migration
 * 096). A schedule whose first step is later waits for it (the sweep moves the article on); one
 * whose first step is earlier takes it at this time.
 */
export const DATABASE_FIRST_STEP_MS = 10 * MINUTE;

/**
 * The next step of `schedule` after `now` for an article followed since `since`; null when the last
 * step has passed (or the schedule is empty). Steps missed (a worker was down, a translation waited
 * for review) are skipped, not caught up one after another.
 */
export function nextRefetchAt(since: Date, now: Date, schedule: readonly number[] = REFETCH_SCHEDULE_MS): Date | null {
  for (const delay of schedule) {
    const at = since.getTime() + delay;
    if (at > now.getTime()) return new Date(at);
  }
  return null;
}
