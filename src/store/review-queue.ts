import type { SourceChanges } from '../domain/source-changes.ts';
import type { Db } from './db.ts';

/** Held, or published with a flag no editor has looked at: the partial index `translations_review_queue`. */
export const IN_REVIEW = `(t.status = 'held' OR (t.verdict = 'publish-flagged' AND t.status = 'published' AND t.reviewed_at IS NULL))`;

/** Counted up to this many: past it the queue says "1000+", and counting costs no more. */
export const COUNT_CAP = 1000;

/**
 * What waits for an editor: a translation (held, or flagged and unreviewed), or a source update
 * whose re-translation the gate held while the earlier translation stays live.
 */
export type QueueKind = 'translation' | 'update';

/** An entry of the queue, as the pager names it: `12` a translation, `u7` a held update. */
export interface QueueKey {
  kind: QueueKind;
  id: number;
}

export const queueKeyText = (k: QueueKey): string => (k.kind === 'update' ? `u${k.id}` : String(k.id));

/** `12` or `u7` (a page's `after` / `before`); null when it is neither. */
export function parseQueueKey(text: string | null | undefined): QueueKey | null {
  const m = /^(u?)(\d{1,15})$/.exec(text ?? '');
  if (!m || Number(m[2]) <= 0) return null;
  return { kind: m[1] ? 'update' : 'translation', id: Number(m[2]) };
}

export interface ReviewFilter {
  sourceId?: number;
  lang?: string;
  /** A fidelity check's name: `numbers`, `names`… */
  check?: string;
  /** Only entries older than this many hours (`minAgeHours`) or younger (`maxAgeHours`). */
  minAgeHours?: number;
  maxAgeHours?: number;
  /** Keyset paging, oldest first: the page after (or before) this entry. */
  after?: QueueKey;
  before?: QueueKey;
  limit: number;
}

export interface ReviewQueueRow {
  kind: QueueKind;
  /** The translation's id, or the held update's (article_update_translations.id). */
  id: number;
  article_id: number;
  lang: string;
  /** The translation's title; for a held update, the held version's. */
  title: string;
  status: 'held' | 'published';
  verdict: string;
  engine: string;
  hold_reason: string | null;
  checks: string[];
  source_id: number;
  source_name: string;
  original_title: string;
  created_at: Date;
  /** A held update: what the source changed. Null for a translation. */
  changes: SourceChanges | null;
}

export interface ReviewPage {
  rows: ReviewQueueRow[];
  /** How many match, up to COUNT_CAP + 1 (more than the cap: "1000+"). */
  total: number;
  /** Whether there are rows before this page's first and after its last. */
  hasPrevious: boolean;
  hasNext: boolean;
}

/** Each kind's part of the queue: its table, its filters, its index order. */
interface Branch {
  kind: QueueKind;
  rank: number;
  from: string;
  where: string[];
  /** The time and id columns the branch's partial index orders by. */
  at: string;
  id: string;
  /** The table whose created_at a key of this kind is looked up in. */
  keyTable: string;
}

function branches(f: ReviewFilter, p: (v: unknown) => string): Branch[] {
  const findings = f.check ? p(JSON.stringify([{ check: f.check }])) : null;
  const translations: Branch = {
    kind: 'translation', rank: 0, at: 't.created_at', id: 't.id', keyTable: 'translations',
    from: `translations t${f.sourceId !== undefined ? ' JOIN articles a ON a.id = t.article_id' : ''}`,
    where: [IN_REVIEW],
  };
  const updates: Branch = {
    kind: 'update', rank: 1, at: 'o.created_at', id: 'o.id', keyTable: 'article_update_translations',
    from: `article_update_translations o${f.sourceId !== undefined ? ' JOIN article_updates u ON u.id = o.update_id JOIN articles a ON a.id = u.article_id' : ''}${findings ? ' JOIN translation_revisions r ON r.id = o.revision_id' : ''}`,
    where: [`o.outcome = 'held'`],
  };
  const sourceId = f.sourceId !== undefined ? p(f.sourceId) : null;
  const lang = f.lang ? p(f.lang) : null;
  const minAge = f.minAgeHours !== undefined ? p(f.minAgeHours) : null;
  const maxAge = f.maxAgeHours !== undefined ? p(f.maxAgeHours) : null;
  for (const [b, alias, checks] of [[translations, 't', 't.checks'], [updates, 'o', 'r.checks']] as const) {
    if (sourceId) b.where.push(`a.source_id = ${sourceId}`);
    if (lang) b.where.push(`${alias}.lang = ${lang}`);
    if (findings) b.where.push(`(${checks} -> 'findings') @> ${findings}::jsonb`);
    if (minAge) b.where.push(`${b.at} <= now() - make_interval(hours => ${minAge}::int)`);
    if (maxAge) b.where.push(`${b.at} > now() - make_interval(hours => ${maxAge}::int)`);
  }
  return [translations, updates];
}

/**
 * The keyset condition of one branch: entries order by (created_at, kind, id), and each branch's
 * condition is on its own index's columns, so each part reads only its page off its index.
 */
function keyCondition(b: Branch, key: QueueKey, backwards: boolean, p: (v: unknown) => string, all: Branch[]): string {
  const keyBranch = all.find((x) => x.kind === key.kind)!;
  const id = p(key.id);
  const at = `(SELECT created_at FROM ${keyBranch.keyTable} WHERE id = ${id})`;
  if (b.kind === key.kind) return `(${b.at}, ${b.id}) ${backwards ? '<' : '>'} (SELECT created_at, id FROM ${b.keyTable} WHERE id = ${id})`;
  const later = b.rank > keyBranch.rank;
  return backwards ? `${b.at} ${later ? '<' : '<='} ${at}` : `${b.at} ${later ? '>=' : '>'} ${at}`;
}

/**
 * One page of the queue, oldest first, and how many match (capped). Paged by key, not by
 * offset: the thousandth page costs what the first does.
 */
export async function listReviewQueue(db: Db, f: ReviewFilter): Promise<ReviewPage> {
  const params: unknown[] = [];
  const p = (v: unknown) => `$${params.push(v)}`;
  const parts = branches(f, p);
  const countParams = [...params];
  const backwards = f.before !== undefined && f.after === undefined;
  const key = f.after ?? f.before;
  const dir = backwards ? 'DESC' : '';
  const n = f.limit + 1;
  const pageSql = parts.map((b) => {
    const where = key ? [...b.where, keyCondition(b, key, backwards, p, parts)] : b.where;
    return `(SELECT ${b.at} AS queued_at, ${b.rank} AS rank, ${b.id} AS id FROM ${b.from} WHERE ${where.join(' AND ')} ORDER BY ${b.at} ${dir}, ${b.id} ${dir} LIMIT ${n})`;
  }).join(' UNION ALL ');
  const countSql = parts.map((b) => `(SELECT 1 FROM ${b.from} WHERE ${b.where.join(' AND ')} LIMIT ${COUNT_CAP + 1})`).join(' UNION ALL ');
  const [page, count] = await Promise.all([
    db.query<{ rank: number; id: number }>(`SELECT rank, id FROM (${pageSql}) q ORDER BY queued_at ${dir}, rank ${dir}, id ${dir} LIMIT ${n}`, params),
    db.query<{ n: number }>(`SELECT count(*)::int AS n FROM (SELECT 1 FROM (${countSql}) c LIMIT ${COUNT_CAP + 1}) x`, countParams),
  ]);
  const more = page.rows.length > f.limit;
  const keys = (backwards ? page.rows.slice(0, f.limit).reverse() : page.rows.slice(0, f.limit));
  const ids = (rank: number) => keys.filter((k) => k.rank === rank).map((k) => Number(k.id));
  const [translations, updates] = await Promise.all([translationRows(db, ids(0)), updateRows(db, ids(1))]);
  const byKey = new Map<string, ReviewQueueRow>([...translations, ...updates].map((r) => [queueKeyText(r), r]));
  const rows = keys.flatMap((k) => byKey.get(queueKeyText({ kind: k.rank === 0 ? 'translation' : 'update', id: Number(k.id) })) ?? []);
  return {
    rows,
    total: count.rows[0]!.n,
    hasPrevious: backwards ? more : key !== undefined,
    hasNext: backwards ? true : more,
  };
}

/** The warning and error findings' check names of a stored report. */
const FINDING_NAMES = (checks: string) => `coalesce((SELECT array_agg(DISTINCT f ->> 'check') FROM jsonb_array_elements(${checks} -> 'findings') f
                    WHERE f ->> 'severity' IN ('warning', 'error')), '{}')`;

async function translationRows(db: Db, ids: number[]): Promise<ReviewQueueRow[]> {
  if (ids.length === 0) return [];
  return (await db.query<ReviewQueueRow>(
    `SELECT 'translation' AS kind, t.id, t.article_id, t.lang, t.title, t.status, t.verdict, t.engine, t.hold_reason, t.created_at,
       ${FINDING_NAMES('t.checks')} AS checks, a.source_id, coalesce(s.name, s.title, s.url) AS source_name, a.title AS original_title, NULL AS changes
     FROM translations t JOIN articles a ON a.id = t.article_id JOIN sources s ON s.id = a.source_id WHERE t.id = ANY($1::bigint[])`,
    [ids],
  )).rows;
}

async function updateRows(db: Db, ids: number[]): Promise<ReviewQueueRow[]> {
  if (ids.length === 0) return [];
  const { rows } = await db.query<ReviewQueueRow & { changes: SourceChanges | string }>(
    `SELECT 'update' AS kind, o.id, u.article_id, o.lang, coalesce(r.title, t.title, a.title) AS title, 'held' AS status,
       coalesce(r.verdict, 'hold') AS verdict, coalesce(r.engine, t.engine, '') AS engine, o.reason AS hold_reason, o.created_at,
       ${FINDING_NAMES('r.checks')} AS checks, a.source_id, coalesce(s.name, s.title, s.url) AS source_name, a.title AS original_title, u.changes
     FROM article_update_translations o JOIN article_updates u ON u.id = o.update_id JOIN articles a ON a.id = u.article_id
       JOIN sources s ON s.id = a.source_id
       LEFT JOIN translation_revisions r ON r.id = o.revision_id
       LEFT JOIN translations t ON t.article_id = u.article_id AND t.lang = o.lang
     WHERE o.id = ANY($1::bigint[])`,
    [ids],
  );
  return rows.map((r) => ({ ...r, changes: typeof r.changes === 'string' ? (JSON.parse(r.changes) as SourceChanges) : r.changes }));
}

/** The sources, for the filter's menu (a hundred at most in a newsroom: cheaper than asking which have queued work). */
export async function reviewQueueSources(db: Db): Promise<Array<{ id: number; name: string }>> {
  return (await db.query<{ id: number; name: string }>(`SELECT id, coalesce(name, title, url) AS name FROM sources ORDER BY 2`)).rows;
}
