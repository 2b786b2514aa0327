import type { Db } from '../../src/store/db.ts';

/**
 * A story told by four outlets on top of the site fixture (seed-site.ts), written as the pipeline
 * would leave it: a lead report translated into Spanish and Arabic, a second report from another
 * outlet (translated before stories existed, so it has a Spanish page of its own), a near-duplicate
 * of the lead, a report in Spanish never translated, and a later update. The outlets disagree on
 * the death toll (12 or 15). Also: a story merged into it, and a story of one article.
 */
export interface SeededStory {
  storyId: number;
  mergedId: number;
  /** A story with one member (the fixture's port article). */
  loneId: number;
  /** article id by key: lead, second, copy, spanish, update */
  articles: Map<string, number>;
  /** publication path by `key:lang` */
  paths: Map<string, string>;
  urls: Map<string, string>;
  sourceIds: Map<string, number>;
}

interface MemberSpec {
  key: string;
  source: string;
  url: string;
  title: string;
  lang: string;
  text: string;
  minutesAgo: number;
  role: 'report' | 'duplicate' | 'update';
  duplicateOf?: string;
  translations?: Record<string, { slug: string; title: string; excerpt: string; html: string }>;
}

const MEMBERS: MemberSpec[] = [
  {
    key: 'lead', source: 'Harbour Gazette', url: 'https://harbour-gazette.example/2026/11/ferry-capsizes', lang: 'en', minutesAgo: 180, role: 'report',
    title: 'Ferry capsizes off the north pier',
    text: 'A passenger ferry capsized off the north pier on Monday. The capsizing killed 12 passengers and injured 30, the coast guard said.',
    translations: {
      es: { slug: 'vuelca-un-ferry', title: 'Vuelca un ferry frente al muelle norte', excerpt: 'Al menos 12 personas murieron, según la guardia costera.', html: '<p>Un ferry de pasajeros volcó el lunes frente al muelle norte.</p><p>Al menos 12 personas murieron y 30 resultaron heridas, según la guardia costera.</p>' },
      ar: { slug: 'inqilab-abbara', title: 'انقلاب عبّارة قبالة الرصيف الشمالي', excerpt: 'لقي 12 شخصًا على الأقل حتفهم وفقًا لخفر السواحل.', html: '<p>انقلبت عبّارة ركاب يوم الاثنين قبالة الرصيف الشمالي.</p><p>لقي 12 شخصًا على الأقل حتفهم وأصيب 30، وفقًا لخفر السواحل.</p>' },
    },
  },
  {
    key: 'second', source: 'Valley Times', url: 'https://valley-times.example/ferry-disaster', lang: 'en', minutesAgo: 150, role: 'report',
    title: 'Ferry disaster at the north pier',
    text: 'A passenger ferry capsized near the north pier on Monday, killing 15 passengers, officials said. 30 were injured.',
    translations: {
      es: { slug: 'desastre-del-ferry', title: 'Desastre del ferry en el muelle norte', excerpt: 'Al menos 15 muertos.', html: '<p>Al menos 15 personas murieron al volcar un ferry junto al muelle norte.</p>' },
    },
  },
  {
    key: 'copy', source: 'Bay Wire', url: 'https://bay-wire.example/news/north-pier-ferry', lang: 'en', minutesAgo: 140, role: 'duplicate', duplicateOf: 'lead',
    title: 'North pier ferry disaster: 12 dead',
    text: 'A passenger ferry capsized off the north pier on Monday. The capsizing killed 12 passengers and injured 30, the coast guard said.',
  },
  {
    key: 'spanish', source: 'Costa Diario', url: 'https://costa-diario.example/sucesos/ferry', lang: 'es', minutesAgo: 120, role: 'report',
    title: 'Naufragio de un ferry en el muelle norte',
    text: 'El naufragio de un ferry de pasajeros junto al muelle norte mató a 12 pasajeros el lunes.',
  },
  {
    key: 'update', source: 'Valley Times', url: 'https://valley-times.example/ferry-rescue-ends', lang: 'en', minutesAgo: 60, role: 'update',
    title: 'Ferry rescue ends as divers search the hull',
    text: 'Divers ended the rescue on Tuesday. The capsizing killed 15 passengers, officials said.',
    translations: {
      es: { slug: 'termina-el-rescate-del-ferry', title: 'Termina el rescate del ferry', excerpt: 'Los buzos terminaron la búsqueda.', html: '<p>Los buzos terminaron el rescate el martes.</p>' },
    },
  },
];

async function sourceId(db: Db, ids: Map<string, number>, name: string): Promise<number> {
  const known = ids.get(name);
  if (known !== undefined) return known;
  const existing = await db.query<{ id: number }>('SELECT id FROM sources WHERE name = $1', [name]);
  const id = existing.rows[0]?.id
    ?? (await db.query<{ id: number }>('INSERT INTO sources (url, name) VALUES ($1, $2) RETURNING id', [`https://${name.toLowerCase().replace(/\s+/g, '-')}.example/feed`, name])).rows[0]!.id;
  ids.set(name, id);
  return id;
}

/** Adds one member to `storyId` as the pipeline places it; with its translations published. */
export async function addMember(db: Db, storyId: number, m: MemberSpec, now: Date, out: { articles: Map<string, number>; paths: Map<string, string>; sourceIds: Map<string, number> }): Promise<number> {
  const at = new Date(now.getTime() - m.minutesAgo * 60_000);
  const src = await sourceId(db, out.sourceIds, m.source);
  const item = await db.query<{ id: number }>(
    `INSERT INTO items (source_id, guid, url, title, published_at, status) VALUES ($1, $2, $2, $3, $4, 'extracted') RETURNING id`,
    [src, m.url, m.title, at],
  );
  const art = await db.query<{ id: number }>(
    `INSERT INTO articles (item_id, source_id, url, title, published_at, lang, category, html, text, content_hash, fetched_at,
       story_id, story_role, duplicate_of, placed_at, story_score)
     VALUES ($1, $2, $3, $4, $5, $6, 'Economy', $7, $8, $9, $5, $10, $11, $12, $13, 1)
     RETURNING id`,
    [item.rows[0]!.id, src, m.url, m.title, at, m.lang, `<p>${m.text}</p>`, m.text, `story:${m.key}`, storyId, m.role,
      m.duplicateOf ? out.articles.get(m.duplicateOf) ?? null : null, new Date(at.getTime() + 60_000)],
  );
  const articleId = art.rows[0]!.id;
  out.articles.set(m.key, articleId);
  for (const [lang, t] of Object.entries(m.translations ?? {})) {
    const text = t.html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').trim();
    const tr = await db.query<{ id: number }>(
      `INSERT INTO translations (article_id, lang, title, excerpt, html, text, engine, engine_version, checks, verdict, status)
       VALUES ($1, $2, $3, $4, $5, $6, 'apertium', '1', '{"ok":true,"findings":[]}', 'publish', 'published') RETURNING id`,
      [articleId, lang, t.title, t.excerpt, t.html, text],
    );
    const path = `/${lang}/${at.getUTCFullYear()}/${String(at.getUTCMonth() + 1).padStart(2, '0')}/${t.slug}`;
    await db.query(
      'INSERT INTO publications (translation_id, article_id, lang, path, published_at) VALUES ($1, $2, $3, $4, $5)',
      [tr.rows[0]!.id, articleId, lang, path, new Date(at.getTime() + 600_000)],
    );
    out.paths.set(`${m.key}:${lang}`, path);
  }
  return articleId;
}

export async function seedStory(db: Db, now = new Date()): Promise<SeededStory> {
  const newStory = async () => (await db.query<{ id: number }>('INSERT INTO stories DEFAULT VALUES RETURNING id')).rows[0]!.id;
  const storyId = await newStory();
  const out = { articles: new Map<string, number>(), paths: new Map<string, string>(), sourceIds: new Map<string, number>() };
  for (const m of MEMBERS) await addMember(db, storyId, m, now, out);
  for (const lang of ['es', 'ar']) {
    await db.query('INSERT INTO story_leads (story_id, lang, article_id) VALUES ($1, $2, $3)', [storyId, lang, out.articles.get('lead')]);
  }
  await db.query(
    `UPDATE stories SET member_count = $2, last_member_at = $3, updated_at = $3 WHERE id = $1`,
    [storyId, MEMBERS.length, new Date(now.getTime() - 59 * 60_000)],
  );
  const mergedId = await newStory();
  await db.query('UPDATE stories SET merged_into = $2 WHERE id = $1', [mergedId, storyId]);
  await db.query('INSERT INTO story_aliases (alias, story_id) VALUES ($1, $2)', [String(mergedId), String(storyId)]);
  // The fixture's port article is a story of its own: one member, no story link.
  const loneId = await newStory();
  await db.query(`UPDATE articles SET story_id = $1, story_role = 'report' WHERE content_hash = 'port'`, [loneId]);
  return { storyId, mergedId, loneId, ...out, urls: new Map(MEMBERS.map((m) => [m.key, m.url])) };
}

export type { MemberSpec };
