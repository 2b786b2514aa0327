/**
 * What one search costs on PGlite (issue 15 item 8): a 1,000-story corpus (BENCH_SEARCH_CORPUS),
 * three kinds of query (a quarter of the stories match, all match, none), each 15 times with a
 * unique term; prints the whole search's time and its longest single statement — the longest a
 * page or a health probe waits behind it on the web process's thread.
 */
import { openDb } from '../src/store/open-db.ts';
import { searchLive } from '../src/store/site-search.ts';
import { seedSearchCorpus } from '../test/web/seed-search-corpus.ts';
import { seedSite } from '../test/web/seed-site.ts';

const db = await openDb({ databaseUrl: null, dataDir: 'memory://' });
await seedSite(db);
await seedSearchCorpus(db, Number(process.env.BENCH_SEARCH_CORPUS ?? 1000));
let longest = 0;
const query = db.query.bind(db);
db.query = (async (sql: string, params?: unknown[]) => {
  const t = performance.now();
  try {
    return await query(sql, params);
  } finally {
    longest = Math.max(longest, performance.now() - t);
  }
}) as typeof db.query;
const median = (v: number[]) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)]!;
for (const [name, word] of [['a quarter match', 'puerto'], ['all match', 'nota'], ['none match', 'zzqq']] as const) {
  const totals: number[] = [];
  const longests: number[] = [];
  for (let i = 0; i < 15; i++) {
    longest = 0;
    const t = performance.now();
    await searchLive(db, { lang: 'es', text: `${word} or ${i + 100}`, limit: 10, offset: 0, startSel: '<b>', stopSel: '</b>' });
    totals.push(performance.now() - t);
    longests.push(longest);
  }
  console.log(`${name.padEnd(16)} search min ${Math.min(...totals).toFixed(1)} ms, median ${median(totals).toFixed(1)} ms; longest statement median ${median(longests).toFixed(1)} ms`);
}
await db.close();
