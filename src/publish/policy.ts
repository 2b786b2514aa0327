import { z } from 'zod';
import type { FidelityReport, Severity, Verdict } from '../domain/translation.ts';

const verdictSchema = z.enum(['publish', 'publish-flagged', 'hold']);
const ruleSchema = z.strictObject({
  /** Check name ("numbers", "repetition"…) or "*" for any. */
  check: z.string().default('*'),
  severity: z.enum(['info', 'warning', 'error']).optional(),
  /** Applies when at least this many findings match. */
  atLeast: z.number().int().positive().default(1),
  verdict: verdictSchema,
});
const levelSchema = z.strictObject({
  /** Verdict per severity, used when no rule matched. */
  error: verdictSchema.default('hold'),
  warning: verdictSchema.default('publish-flagged'),
  info: verdictSchema.default('publish'),
  /** Explicit rules, strongest verdict wins together with the severity defaults. */
  rules: z.array(ruleSchema).default([]),
});

/** The publish policy: defaults, overridden per site and per source (by source id or URL). */
export const publishPolicySchema = levelSchema.extend({
  sites: z.record(z.string(), levelSchema.partial()).default({}),
  sources: z.record(z.string(), levelSchema.partial()).default({}),
});
export type PublishPolicy = z.input<typeof publishPolicySchema>;
type Level = z.output<typeof levelSchema>;

const RANK: Record<Verdict, number> = { publish: 0, 'publish-flagged': 1, hold: 2 };

/** Maps a fidelity report to a verdict: the strongest verdict any finding earns. */
export function decideVerdict(
  report: FidelityReport,
  policy: PublishPolicy = {},
  scope: { site?: string; source?: string } = {},
): { verdict: Verdict; reasons: string[] } {
  const parsed = publishPolicySchema.parse(policy);
  const level = resolveLevel(parsed, scope);
  let verdict: Verdict = 'publish';
  const reasons: string[] = [];
  const raise = (v: Verdict, why: string) => {
    if (v !== 'publish') reasons.push(`${v}: ${why}`);
    if (RANK[v] > RANK[verdict]) verdict = v;
  };
  for (const f of report.findings) {
    const sev: Severity = f.severity;
    const matched = level.rules.filter((r) => ruleMatches(r, f.check, sev));
    if (matched.length === 0) raise(level[sev], `${f.check} (${sev}): ${f.detail}`);
  }
  for (const rule of level.rules) {
    const n = report.findings.filter((f) => ruleMatches(rule, f.check, f.severity)).length;
    if (n >= rule.atLeast) raise(rule.verdict, `${n}× ${rule.check}${rule.severity ? ` (${rule.severity})` : ''}`);
  }
  return { verdict, reasons };
}

function ruleMatches(rule: z.output<typeof ruleSchema>, check: string, severity: Severity): boolean {
  return (rule.check === '*' || rule.check === check) && (!rule.severity || rule.severity === severity);
}

function resolveLevel(p: z.output<typeof publishPolicySchema>, scope: { site?: string; source?: string }): Level {
  const site = scope.site ? p.sites[scope.site] : undefined;
  const source = scope.source ? p.sources[scope.source] : undefined;
  const merged: Level = { error: p.error, warning: p.warning, info: p.info, rules: p.rules };
  for (const o of [site, source]) {
    if (!o) continue;
    if (o.error) merged.error = o.error;
    if (o.warning) merged.warning = o.warning;
    if (o.info) merged.info = o.info;
    if (o.rules) merged.rules = o.rules;
  }
  return merged;
}
