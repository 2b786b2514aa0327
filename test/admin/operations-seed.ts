import type { Db } from '../../src/store/db.ts';

/** Payloads a hostile outlet (or a hostile error message) could put in front of an editor. */
export const PAYLOADS = ['<script>alert(1)</script>', '<img src=x onerror=alert(2)>', '"><svg onload=alert(3)>', "' onmouseover='alert(4)"];
export const HOSTILE = PAYLOADS.join(' ');

/** Every payload is absent from the HTML as written (it may appear escaped). */
export function inert(html: string): string[] {
  return PAYLOADS.filter((p) => html.includes(p) || /<script>alert|<img src=x|<svg onload/i.test(html));
}

export interface OpsSeed {
  sourceId: number;
  failingSourceId: number;
  failedJobId: number;
}

/**
 * A small wire in every state the dashboard shows: a source that works and one that fails with
 * hostile text everywhere, items, an article published 10 minutes after its source, one held,
 * a failed job with a hostile error, queued jobs, a live worker and a dead one.
 */
export async function seedOperations(db: Db): Promise<OpsSeed> {
  const ok = await db.query<{ id: number }>(`INSERT INTO sources (url, name, lang, status, last_fetch_at, warnings) VALUES ('https://ok.example/feed.xml', 'Okay Times', 'en', 'ok', now(), $1) RETURNING id`,
    [JSON.stringify([`feed: item without a date: ${HOSTILE}`])]);
  const bad = await db.query<{ id: number }>(
    `INSERT INTO sources (url, name, status, error_count, last_error, last_fetch_at, warnings) VALUES ('https://bad.example/feed.xml?x="><b>', $1, 'failing', 3, $2, now(), $3) RETURNING id`,
    [`Bad ${HOSTILE}`, `fetch: HTTP 500 ${HOSTILE}`, JSON.stringify(['w1', 'w2', `w3 ${HOSTILE}`])],
  );
  const sourceId = ok.rows[0]!.id;
  for (let i = 0; i < 3; i++) {
    const item = await db.query<{ id: number }>(`INSERT INTO items (source_id, guid, url, title, status, created_at) VALUES ($1, $2, $2, $3, 'extracted', now() - make_interval(mins => $4)) RETURNING id`,
      [sourceId, `https://ok.example/story-${i}`, `Story ${i} ${HOSTILE}`, i * 90]);
    const art = await db.query<{ id: number }>(
      `INSERT INTO articles (item_id, source_id, url, title, published_at, lang, html, text, content_hash, created_at)
       VALUES ($1, $2, $3, $4, now() - interval '40 minutes', 'en', '<p>x</p>', 'x', $5, now() - make_interval(mins => $6)) RETURNING id`,
      [item.rows[0]!.id, sourceId, `https://ok.example/story-${i}`, `Story ${i} ${HOSTILE}`, `h${i}`, i * 90]);
    const held = i === 2;
    const tr = await db.query<{ id: number }>(
      `INSERT INTO translations (article_id, lang, title, html, text, engine, engine_version, checks, verdict, status, cost)
       VALUES ($1, 'es', $2, '<p>x</p>', 'x', 'apertium', '1', '{"ok":true,"findings":[]}', $3, $4, '{"engine":"apertium","characters":1200,"money":null}') RETURNING id`,
      [art.rows[0]!.id, `Historia ${i} ${HOSTILE}`, held ? 'hold' : 'publish', held ? 'held' : 'published']);
    // Its engine run in the cost ledger (what the dashboard's engines today read).
    await db.query(`INSERT INTO engine_spend (reason, article_id, lang, engine, characters) VALUES ('translation', $1, 'es', 'apertium', 1200)`, [art.rows[0]!.id]);
    if (!held) {
      await db.query(`INSERT INTO publications (translation_id, article_id, lang, path, published_at) VALUES ($1, $2, 'es', $3, now() - interval '30 minutes')`,
        [tr.rows[0]!.id, art.rows[0]!.id, `/es/2026/12/historia-${i}`]);
    }
  }
  const failed = await db.query<{ id: number }>(
    `INSERT INTO jobs (kind, key, state, attempts, last_error, finished_at) VALUES ('extract', 'extract:item:999', 'failed', 8, $1, now() - interval '5 minutes') RETURNING id`,
    [`extract: HTTP 500 from https://bad.example/ ${HOSTILE}`]);
  await db.query(`INSERT INTO jobs (kind, key, state, run_at) VALUES ('translate', 'translate:article:1:ca', 'queued', now() - interval '2 minutes'), ('poll', 'poll:source:77', 'queued', now() + interval '1 hour')`);
  await db.query(`INSERT INTO worker_heartbeats (worker_id, host, pid, roles, kinds, interval_ms, last_beat_at) VALUES
    ('1:alive', 'host-a', 101, '{worker}', '{poll}', 5000, now()),
    ('2:dead', $1, 202, '{worker,web}', '{poll}', 5000, now() - interval '1 minute')`, [`host-b ${HOSTILE}`]);
  return { sourceId, failingSourceId: bad.rows[0]!.id, failedJobId: failed.rows[0]!.id };
}
