/**
 * `npm run bench:stories-spend`: engine characters with and without stories on news-clusters-en
 * (419 articles, 70 events). Every article goes through the pipeline's placement step
 * (src/jobs/handlers/place-story.ts, on PGlite in memory) in publication order, which decides what
 * is translated into Spanish: each story's lead, and members that add facts as updates. Then the
 * translator (src/translate, with its segment memory) is run twice with an engine that counts
 * what it is sent and echoes it: once on every article (transwire before stories, the memory
 * already making repeated sentences free), once on what placement chose. Characters are those
 * an engine would bill (translations.cost.characters); they do not depend on the engine.
 */
import pino from 'pino';
import { escapeHtml } from '../src/shared/escape-html.ts';
import { createStoryPlacement } from '../src/jobs/handlers/place-story.ts';
import { upsertArticle, type ArticleRow } from '../src/store/articles.ts';
import { openDb } from '../src/store/open-db.ts';
import { upsertSource } from '../src/store/sources.ts';
import { DEFAULT_LIMITS, type TranslationEngine } from '../src/translate/engine.ts';
import { createInMemoryTranslationMemory, createTranslator } from '../src/translate/index.ts';
import { loadNewsClusters } from './lib/news-clusters.ts';


const rows = loadNewsClusters();
const db = await openDb({ databaseUrl: null, dataDir: 'memory://' });
const placement = createStoryPlacement({ db, log: pino({ level: 'silent' }), targetLanguages: ['es'] });

const stored: ArticleRow[] = [];
const html = (text: string) => text.split(/\n+/).filter((p) => p.trim()).map((p) => `<p>${escapeHtml(p)}</p>`).join('\n');
for (const r of rows) {
  const source = await upsertSource(db, { url: `https://${r.outlet}/feed.xml`, name: r.outlet, lang: 'en' });
  const item = await db.query<{ id: number }>(`INSERT INTO items (source_id, guid, url, status) VALUES ($1, $2, $2, 'new') RETURNING id`, [source.id, r.url]);
  stored.push(await upsertArticle(db, {
    item_id: item.rows[0]!.id, source_id: source.id, url: r.url, canonical_url: r.url, title: r.title ?? '', byline: null,
    published_at: r.published ? new Date(r.published) : null, modified_at: null, lang: 'en', dir: 'ltr', site_name: r.outlet, category: null,
    image_url: null, image_caption: null, excerpt: r.description, html: html(r.text ?? ''), text: r.text ?? '', content_hash: `bench:${r.id}`,
  }));
}

const started = performance.now();
const chosen: ArticleRow[] = [];
const roles = { lead: 0, update: 0, listed: 0, duplicate: 0 };
for (const a of stored) {
  const placed = (await placement.place(a))!;
  if (placed.role === 'duplicate') roles.duplicate++;
  else if (placed.role === 'update') roles.update++;
  else if (placed.translating.length) roles.lead++;
  else roles.listed++;
  if (placed.translating.includes('es')) chosen.push(a);
}
const placeSeconds = (performance.now() - started) / 1000;
const { rows: storyCount } = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM stories WHERE merged_into IS NULL AND member_count > 0');
await db.close();

const without = await characters(stored);
const withStories = await characters(chosen);
const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
console.log(`news-clusters-en: ${rows.length} articles, ${new Set(rows.map((r) => r.event_id)).size} events → ${storyCount[0]!.n} stories (placed in ${placeSeconds.toFixed(1)} s on PGlite, ${(rows.length / placeSeconds).toFixed(0)} articles/s)`);
console.log(`placement: ${roles.lead} leads, ${roles.update} updates (add facts), ${roles.listed} listed members, ${roles.duplicate} near-duplicates`);
console.log(`engine characters into es, without stories: ${without.characters.toLocaleString('en')} (${without.memory.toLocaleString('en')} more served by the segment memory)`);
console.log(`engine characters into es, with stories:    ${withStories.characters.toLocaleString('en')} (${withStories.memory.toLocaleString('en')} from memory), ${chosen.length} of ${stored.length} articles translated`);
console.log(`saved: ${(without.characters - withStories.characters).toLocaleString('en')} characters, ${pct(1 - withStories.characters / without.characters)} of the spend`);

/** What the translator sends an engine for these articles, in order, with one segment memory. */
async function characters(articles: ArticleRow[]): Promise<{ characters: number; memory: number }> {
  const translator = createTranslator({ engines: new Map([['echo', echoEngine()]]), chains: { 'en-es': ['echo'] }, memory: createInMemoryTranslationMemory() });
  let chars = 0;
  let memory = 0;
  for (const a of articles) {
    const t = await translator.translateArticle({ title: a.title, excerpt: a.excerpt, html: a.html }, 'en', 'es');
    chars += t.cost.characters;
    memory += t.cost.memoryCharacters;
  }
  await translator.close();
  return { characters: chars, memory };
}

/** Sends nothing anywhere: gives back what it is given, so only the count of characters matters. */
function echoEngine(): TranslationEngine {
  return {
    name: 'echo',
    limits: DEFAULT_LIMITS,
    costPerMillionChars: null,
    version: async () => '1',
    pairs: async () => [{ from: 'en', to: 'es' }],
    translate: async (segments) => segments,
    close: async () => undefined,
  };
}
