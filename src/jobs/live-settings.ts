import type { PublishPolicy } from '../publish/policy.ts';
import type { Db } from '../store/db.ts';
import { listGlossaryEntries } from '../store/glossary-entries.ts';
import { listPolicyOverrides, type PolicyOverrideRow } from '../store/policy-overrides.ts';
import type { GlossaryEntry } from '../translate/index.ts';

export interface LiveSettingsOptions {
  db: Db;
  /** The config's glossary and publish policy: the console's entries are merged over them. */
  glossary: readonly GlossaryEntry[];
  policy: PublishPolicy;
  /** How long a read is reused: a console edit reaches every worker within this. */
  ttlMs?: number;
}

export interface LiveSettings {
  /** The glossary for one pair: the console's entries for it first (they win), then the config's. */
  glossary(from: string, to: string): Promise<GlossaryEntry[]>;
  /** The publish policy: the config's, with the console's overrides per site and source applied. */
  policy(): Promise<PublishPolicy>;
}

interface Cached<T> { at: number; json: string; value: T }

/**
 * The glossary and policy as the pipeline reads them on each article: config plus the database,
 * re-read at most every `ttlMs`. An unchanged read returns the very same object, so the
 * translator's compiled glossary for a pair is kept until an entry really changes.
 */
export function createLiveSettings(opts: LiveSettingsOptions): LiveSettings {
  const ttlMs = opts.ttlMs ?? 5000;
  const glossaries = new Map<string, Cached<GlossaryEntry[]>>();
  let policy: Cached<PublishPolicy> | null = null;

  function keep<T>(prev: Cached<T> | null | undefined, value: T): Cached<T> {
    const json = JSON.stringify(value);
    return { at: Date.now(), json, value: prev && prev.json === json ? prev.value : value };
  }

  return {
    async glossary(from, to) {
      const key = `${from}-${to}`;
      const prev = glossaries.get(key);
      if (prev && Date.now() - prev.at < ttlMs) return prev.value;
      const rows = await listGlossaryEntries(opts.db, { from, to });
      const fromConsole: GlossaryEntry[] = rows.map((r) => ({ term: r.term, from: r.from_lang, map: { [r.to_lang]: r.rendering }, caseSensitive: r.case_sensitive }));
      const next = keep(prev, [...fromConsole, ...opts.glossary]);
      glossaries.set(key, next);
      return next.value;
    },
    async policy() {
      if (policy && Date.now() - policy.at < ttlMs) return policy.value;
      const overrides = await listPolicyOverrides(opts.db);
      const ids = [...new Set([...Object.keys(opts.policy.sources ?? {}), ...overrides.filter((o) => o.scope === 'source').map((o) => o.key)])].filter((k) => /^\d+$/.test(k));
      const urls = ids.length
        ? new Map((await opts.db.query<{ id: string; url: string }>('SELECT id::text AS id, url FROM sources WHERE id = ANY($1::bigint[])', [ids])).rows.map((r) => [r.id, r.url]))
        : new Map<string, string>();
      policy = keep(policy, mergePolicy(opts.policy, overrides, urls));
      return policy.value;
    },
  };
}

type Level = NonNullable<PublishPolicy['sites']>[string];

/**
 * The config's policy with the console's overrides: a default override replaces the policy's own
 * levels, a site or source override is laid over that site's or source's (key by key). Sources
 * are keyed by URL, as the translate job asks; ids (the config's or the console's) are turned
 * into their source's URL.
 */
export function mergePolicy(config: PublishPolicy, overrides: Pick<PolicyOverrideRow, 'scope' | 'key' | 'level'>[], urlById: Map<string, string>): PublishPolicy {
  const sites: Record<string, Level> = { ...config.sites };
  const sources: Record<string, Level> = {};
  const over = (into: Record<string, Level>, key: string, level: Level) => (into[key] = { ...into[key], ...level });
  for (const [k, v] of Object.entries(config.sources ?? {})) over(sources, urlById.get(k) ?? k, v);
  const out: PublishPolicy = { ...config };
  for (const o of overrides) {
    const level = o.level as Level;
    if (o.scope === 'default') Object.assign(out, level);
    else if (o.scope === 'site') over(sites, o.key, level);
    else {
      const url = urlById.get(o.key);
      if (url) over(sources, url, level);
    }
  }
  return { ...out, sites, sources };
}
