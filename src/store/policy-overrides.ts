import type { Db } from './db.ts';
import { jsonParam } from './sql-params.ts';

export type PolicyScope = 'default' | 'site' | 'source';

export interface PolicyOverrideRow {
  scope: PolicyScope;
  key: string;
  /** A policy level, partial: { error?, warning?, info?, rules? } (validated before it is written). */
  level: Record<string, unknown>;
  updated_by: string | null;
  updated_at: Date;
}

export async function listPolicyOverrides(db: Db): Promise<PolicyOverrideRow[]> {
  return (await db.query<PolicyOverrideRow>('SELECT * FROM policy_overrides ORDER BY scope, key')).rows;
}

export async function getPolicyOverride(db: Db, scope: PolicyScope, key: string): Promise<PolicyOverrideRow | null> {
  return (await db.query<PolicyOverrideRow>('SELECT * FROM policy_overrides WHERE scope = $1 AND key = $2', [scope, key])).rows[0] ?? null;
}

export async function putPolicyOverride(db: Db, scope: PolicyScope, key: string, level: object, by: string | null): Promise<void> {
  await db.query(
    `INSERT INTO policy_overrides (scope, key, level, updated_by) VALUES ($1, $2, $3, $4)
     ON CONFLICT (scope, key) DO UPDATE SET level = EXCLUDED.level, updated_by = EXCLUDED.updated_by, updated_at = now()`,
    [scope, key, jsonParam(level), by],
  );
}

export async function removePolicyOverride(db: Db, scope: PolicyScope, key: string): Promise<boolean> {
  return (await db.query('DELETE FROM policy_overrides WHERE scope = $1 AND key = $2', [scope, key])).rowCount > 0;
}
