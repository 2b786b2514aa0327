/**
 * Feed parsing throughput: our parseFeed (tokenize + normalize into FeedItems) against
 * fast-xml-parser's XMLParser (tokenize into a plain object only, attributes on), on the same
 * generated corpus in the same process. Prints MB/s for each and the ratio; goal ≥ 2×.
 *   npx tsx bench/feed-parse.ts [--seconds N]
 * The corpus is generated (no public feed data set here): RSS 2.0, RSS 1.0, Atom, a news sitemap,
 * small to large, with CDATA, escaped HTML, entities, namespaces and media elements.
 */
import { XMLParser } from 'fast-xml-parser';
import { parseFeed } from '../src/feeds/index.ts';

const seconds = Number(process.argv[process.argv.indexOf('--seconds') + 1]) || 3;

const WORDS = 'harbour council ferry storm minister budget election market river bridge school hospital report police court energy price weather festival'.split(' ');
let seed = 42;
const rand = (n: number): number => {
  seed = (seed * 1103515245 + 12345) & 0x7fffffff;
  return seed % n;
};
const words = (n: number): string => Array.from({ length: n }, () => WORDS[rand(WORDS.length)]).join(' ');
const para = (): string => `<p>${words(40)} &amp; ${words(30)}, “${words(8)}” — ${words(20)}.</p>`;
const date = (i: number): string => new Date(Date.UTC(2024, 2, 5, 10) - i * 3_600_000).toUTCString();

function rss2(n: number): string {
  let items = '';
  for (let i = 0; i < n; i++) {
    items += `<item><title>${words(8)} &amp; ${words(3)}</title><link>https://news.example/${i}/${words(3).replace(/ /g, '-')}</link>
<guid isPermaLink="false">news-${i}</guid><pubDate>${date(i)}</pubDate><dc:creator>${words(2)}</dc:creator>
<category>${words(1)}</category><category>${words(1)}</category>
<description>&lt;p&gt;${words(35)}&lt;/p&gt;</description>
<content:encoded><![CDATA[${para()}${para()}${para()}<img src="/img/${i}.jpg" alt="${words(3)}">]]></content:encoded>
<media:content url="https://news.example/img/${i}.jpg" medium="image" width="1200" height="800"/></item>\n`;
  }
  return `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:media="http://search.yahoo.com/mrss/" xmlns:atom="http://www.w3.org/2005/Atom"><channel><title>News</title><link>https://news.example/</link><atom:link rel="self" href="https://news.example/feed"/><language>en</language>\n${items}</channel></rss>`;
}

function atom(n: number): string {
  let entries = '';
  for (let i = 0; i < n; i++) {
    entries += `<entry><id>tag:news.example,2024:${i}</id><title type="html">${words(7)} &lt;em&gt;${words(2)}&lt;/em&gt;</title>
<link rel="alternate" type="text/html" href="/${i}"/><published>2024-03-05T10:${String(i % 60).padStart(2, '0')}:00+01:00</published><updated>2024-03-05T11:00:00Z</updated>
<author><name>${words(2)}</name></author><category term="${words(1)}"/><summary>${words(30)}</summary>
<content type="html">${para().replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').repeat(3)}</content></entry>\n`;
  }
  return `<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en" xml:base="https://news.example/"><title>Atom News</title><link href="/"/>\n${entries}</feed>`;
}

function rdf(n: number): string {
  let items = '';
  for (let i = 0; i < n; i++) {
    items += `<item rdf:about="https://rdf.example/${i}"><title>${words(6)}</title><link>https://rdf.example/${i}</link><description>${words(40)}</description><dc:date>2024-03-05T10:00:00+01:00</dc:date><dc:subject>${words(1)}</dc:subject></item>\n`;
  }
  return `<?xml version="1.0"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel rdf:about="https://rdf.example/"><title>RDF</title><link>https://rdf.example/</link></channel>\n${items}</rdf:RDF>`;
}

function newsSitemap(n: number): string {
  let urls = '';
  for (let i = 0; i < n; i++) {
    urls += `<url><loc>https://daily.example/2024/03/05/${i}</loc><news:news><news:publication><news:name>Daily</news:name><news:language>en</news:language></news:publication><news:publication_date>2024-03-05T07:45:00-03:00</news:publication_date><news:title>${words(8)}</news:title></news:news><image:image><image:loc>https://daily.example/img/${i}.jpg</image:loc></image:image></url>\n`;
  }
  return `<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9" xmlns:image="http://www.google.com/schemas/sitemap-image/1.1">\n${urls}</urlset>`;
}

const byFormat: Record<string, string[]> = {
  'RSS 2.0': [...[10, 10, 10, 30, 30, 100].map((n) => rss2(n)), rss2(1000)],
  'Atom 1.0': [...[15, 50].map((n) => atom(n)), atom(500)],
  'RSS 1.0 (RDF)': [20, 200].map((n) => rdf(n)),
  'news sitemap': [100, 1000].map((n) => newsSitemap(n)),
};
const corpus = Object.values(byFormat).flat();
const bytes = corpus.reduce((s, f) => s + Buffer.byteLength(f), 0);
const fxp = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@_' });

const parseOurs = (x: string): unknown => parseFeed(x, { url: 'https://bench.example/feed', maxItems: Infinity });
const parseTheirs = (x: string): unknown => fxp.parse(x);

/** CPU seconds (user + system), not wall time: the machine is shared and waiting for a core is not parsing. */
function timeOnce(fn: (xml: string) => unknown, feeds: string[] = corpus): number {
  const start = process.cpuUsage();
  for (const f of feeds) fn(f);
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1e6;
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

let items = 0;
for (const f of corpus) items += (parseFeed(f, { url: 'https://bench.example/feed', maxItems: Infinity }).items.length);
console.log(`corpus: ${corpus.length} feeds, ${(bytes / 1e6).toFixed(2)} MB, ${items} items`);
for (let i = 0; i < 3; i++) timeOnce(parseOurs), timeOnce(parseTheirs); // warm-up (JIT)
// Paired rounds, order alternating, ratio per round: the machine is shared, so load changes
// between rounds cancel out in the per-round ratio and the median drops the outliers.
const ours: number[] = [];
const theirs: number[] = [];
const ratios: number[] = [];
const deadline = performance.now() + seconds * 2000;
for (let r = 0; performance.now() < deadline || r < 6; r++) {
  const first = r % 2 === 0 ? parseOurs : parseTheirs;
  const second = first === parseOurs ? parseTheirs : parseOurs;
  const t1 = timeOnce(first);
  const t2 = timeOnce(second);
  const [o, t] = first === parseOurs ? [t1, t2] : [t2, t1];
  ours.push(bytes / 1e6 / o);
  theirs.push(bytes / 1e6 / t);
  ratios.push(t / o);
}
console.log(`fast-xml-parser XMLParser  ${median(theirs).toFixed(1).padStart(6)} MB/s (CPU time, median of ${theirs.length} rounds)`);
console.log(`transwire parseFeed        ${median(ours).toFixed(1).padStart(6)} MB/s (CPU time, median of ${ours.length} rounds)`);
const ratio = median(ratios);
console.log(`feed-parse ratio (parseFeed / fast-xml-parser, MB/s): ${ratio.toFixed(2)}x  goal >= 2x  ${ratio >= 2 ? 'MET' : 'NOT MET'}`);
for (const [format, feeds] of Object.entries(byFormat)) {
  const r: number[] = [];
  for (let k = 0; k < 6; k++) {
    const t = timeOnce(parseTheirs, feeds);
    r.push(t / timeOnce(parseOurs, feeds));
  }
  console.log(`  ${format.padEnd(14)} ratio ${median(r).toFixed(2)}x`);
}
