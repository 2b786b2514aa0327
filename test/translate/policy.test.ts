import { describe, expect, it } from 'vitest';
import type { FidelityReport, Finding } from '../../src/domain/translation.ts';
import { decideVerdict, publishPolicySchema } from '../../src/publish/policy.ts';

const f = (check: string, severity: Finding['severity']): Finding => ({ check, severity, segment: 0, source: null, target: null, detail: `${check} differs` });
const report = (...findings: Finding[]): FidelityReport => ({ ok: !findings.some((x) => x.severity === 'error'), findings });

describe('publish policy', () => {
  it.each<[string, FidelityReport, object, string]>([
    ['clean → publish', report(), {}, 'publish'],
    ['info only → publish', report(f('names', 'info')), {}, 'publish'],
    ['a warning → publish-flagged', report(f('length', 'warning')), {}, 'publish-flagged'],
    ['an error → hold', report(f('numbers', 'error'), f('length', 'warning')), {}, 'hold'],
    ['errors only flagged on a lenient site', report(f('numbers', 'error')), { error: 'publish-flagged' }, 'publish-flagged'],
    ['a rule downgrades one check', report(f('length', 'warning')), { rules: [{ check: 'length', verdict: 'publish' }] }, 'publish'],
    ['a rule holds after N warnings', report(f('names', 'warning'), f('names', 'warning'), f('names', 'warning')), { rules: [{ check: 'names', severity: 'warning', atLeast: 3, verdict: 'hold' }] }, 'hold'],
  ])('%s', (_n, r, policy, verdict) => {
    expect(decideVerdict(r, policy).verdict).toBe(verdict);
  });

  it('resolves per site and per source, source last', () => {
    const policy = { sites: { es: { error: 'publish-flagged' as const } }, sources: { 'https://wire.test/feed': { error: 'hold' as const, warning: 'hold' as const } } };
    const r = report(f('numbers', 'error'));
    expect(decideVerdict(r, policy, { site: 'es' }).verdict).toBe('publish-flagged');
    expect(decideVerdict(r, policy, { site: 'es', source: 'https://wire.test/feed' }).verdict).toBe('hold');
    expect(decideVerdict(report(f('length', 'warning')), policy, { source: 'https://wire.test/feed' }).reasons[0]).toMatch(/^hold: length/);
  });

  it('validates config', () => {
    expect(() => publishPolicySchema.parse({ error: 'maybe' })).toThrow();
    expect(publishPolicySchema.parse({})).toMatchObject({ error: 'hold', warning: 'publish-flagged', info: 'publish' });
  });
});
