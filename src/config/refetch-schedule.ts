import { z } from 'zod';

const UNIT_MS = { s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 } as const;
const DURATION = /^(\d+(?:\.\d+)?)(s|m|h|d)$/;

/** The default steps: often while a story is young and still being corrected, then rarely, then never. */
export const DEFAULT_REFETCH_SCHEDULE = ['10m', '1h', '6h', '24h', '72h'];

/** `90s`, `10m`, `1.5h`, `3d` in milliseconds; null when it is not such a duration. */
export function durationMs(text: string): number | null {
  const m = DURATION.exec(text.trim());
  return m ? Math.round(Number(m[1]) * UNIT_MS[m[2] as keyof typeof UNIT_MS]) : null;
}

/**
 * `fetch.refetchSchedule`: when a published article is fetched again, counted from its first
 * publication here. Each step a positive duration, each later than the one before; empty: articles
 * are not followed at their source.
 */
export const refetchScheduleSchema = z
  .array(z.string())
  .superRefine((steps, ctx) => {
    let before: { text: string; ms: number } | null = null;
    steps.forEach((text, i) => {
      const ms = durationMs(text);
      if (ms === null) return ctx.addIssue({ code: 'custom', path: [i], message: `"${text}" is not a duration (a number and s, m, h or d: 90s, 10m, 1h, 3d)` });
      if (ms <= 0) return ctx.addIssue({ code: 'custom', path: [i], message: `"${text}": a step must come after the publication (more than 0)` });
      if (before && ms <= before.ms) return ctx.addIssue({ code: 'custom', path: [i], message: `"${text}" is not after "${before.text}": steps must go up (10m, 1h, 6h…)` });
      before = { text, ms };
    });
  })
  .default(DEFAULT_REFETCH_SCHEDULE);

/** The schedule in milliseconds, as the refetch sweep and job take it (the config is checked already). */
export const refetchScheduleMs = (steps: readonly string[]): number[] => steps.map((s) => durationMs(s)!);
