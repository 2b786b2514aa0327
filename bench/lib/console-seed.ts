import type { Db } from '../../src/store/db.ts';

export const SOURCES = 100;

const PARAGRAPH = 'The harbour authority said on Monday that 2.4 million euros would be spent on the northern quay, where Ferrymen Union members met the Mayor of Portvale.';
const BODY = Array.from({ length: 8 }, (_, i) => `<p>${PARAGRAPH} (${i + 1})</p>`).join('');
const TBODY = Array.from({ length: 8 }, (_, i) => `<p>La autoridad portuaria dijo el lunes que se gastarían 2,5 millones de euros en el muelle norte (${i + 1})</p>`).join('');
const CHECKS = JSON.stringify({ ok: false, findings: [
  { check: 'numbers', severity: 'error', segment: 0, source: '2.4', target: '2,5', detail: '2.4 in the source, 2,5 in the translation' },
  { check: 'names', severity: 'warning', segment: 3, source: 'Ferrymen Union', target: null, detail: 'Ferrymen Union is missing from the translation' },
] });

/** 100 sources and 10,000 held translations, each with its item and article, spread over a week. */
export async function seedConsole(db: Db, held = 10_000): Promise<{ heldId: number; sourceId: number }> {
  await db.query(`INSERT INTO sources (url, name, lang, status, last_fetch_at, next_fetch_at, warnings)
    SELECT 'https://outlet' || g || '.example/feed.xml', 'Outlet ' || g, 'en', CASE WHEN g % 17 = 0 THEN 'failing' ELSE 'ok' END,
           now() - make_interval(mins => g), now() + make_interval(mins => g), '["feed: an item without a date"]'::jsonb
      FROM generate_series(1, ${SOURCES}) g`);
  await db.query(`UPDATE sources SET last_error = 'fetch: HTTP 503 from ' || url, error_count = 3 WHERE status = 'failing'`);
  const ids = (await db.query<{ id: number }>(`SELECT id FROM sources WHERE url LIKE 'https://outlet%' ORDER BY id`)).rows.map((r) => r.id);
  for (let start = 0; start < held; start += 2000) {
    const n = Math.min(2000, held - start);
    await db.query(`INSERT INTO items (source_id, guid, url, title, status, created_at)
      SELECT ($1::bigint[])[1 + (g % ${SOURCES})], 'held-' || g, 'https://outlet.example/story/' || g, 'Story ' || g, 'extracted', now() - make_interval(mins => g % 10080)
        FROM generate_series($2::int, $3::int) g`, [ids, start, start + n - 1]);
  }
  await db.query(`INSERT INTO articles (item_id, source_id, url, title, published_at, lang, html, text, content_hash, created_at)
    SELECT i.id, i.source_id, i.url, 'Harbour works number ' || i.id || ' go ahead', i.created_at - interval '20 minutes', 'en', $1, $2, 'h' || i.id, i.created_at
      FROM items i WHERE i.guid LIKE 'held-%'`, [BODY, BODY.replace(/<[^>]+>/g, ' ')]);
  await db.query(`INSERT INTO translations (article_id, lang, title, html, text, engine, engine_version, checks, verdict, status, hold_reason, cost, created_at, updated_at)
    SELECT a.id, 'es', 'Obras del puerto ' || a.id, $1, $2, 'apertium', '3.9', $3::jsonb, 'hold', 'held',
           'hold: numbers (error): 2.4 → 2,5', '{"engine":"apertium","characters":1400,"money":null}'::jsonb, a.created_at, a.created_at
      FROM articles a WHERE a.content_hash LIKE 'h%'`, [TBODY, TBODY.replace(/<[^>]+>/g, ' '), CHECKS]);
  await db.query(`INSERT INTO jobs (kind, key, state, attempts, last_error, finished_at)
    SELECT 'extract', 'extract:item:f' || g, 'failed', 8, 'extract: HTTP 500 from https://outlet.example/' || g, now() - make_interval(mins => g) FROM generate_series(1, 50) g`);
  await db.query(`INSERT INTO worker_heartbeats (worker_id, host, pid, roles, kinds, interval_ms) VALUES ('bench:1', 'bench', 1, '{worker}', '{poll}', 5000)`);
  await db.query('ANALYZE');
  const last = await db.query<{ id: number }>(`SELECT id FROM translations WHERE status = 'held' ORDER BY id DESC LIMIT 1`);
  return { heldId: last.rows[0]!.id, sourceId: ids[7]! };
}

