import { readFile } from 'node:fs/promises';
import { createApp, type App } from '../app.ts';
import { PermanentError } from '../domain/errors.ts';
import { decodeBody } from '../fetch/index.ts';
import { buildOpml, discoverFeeds, looksLikeFeed, parseOpml } from '../feeds/index.ts';
import { JobQueue } from '../jobs/queue.ts';
import { findSource, listSources, removeSource, upsertSource } from '../store/sources.ts';
import { getWebSub, type WebSubSubscriptionRow } from '../store/websub-subscriptions.ts';
import { configFrom, parseCommandArgs } from './args.ts';

async function fetchText(app: App, url: string): Promise<{ url: string; status: number; type: string | null; text: string }> {
  const res = await app.http().get(url);
  const type = res.headers['content-type'] ?? null;
  const { text } = decodeBody(res.body, { contentType: type, kind: /html/.test(type ?? '') ? 'html' : 'xml' });
  return { url: res.url, status: res.status, type, text };
}

/**
 * A page URL is not a feed: find the feeds it offers and take the first that really is one,
 * naming the others. Guessed paths (/feed, /rss.xml…) are only taken after fetching them.
 */
async function resolveFeedUrl(app: App, url: string): Promise<{ url: string; others: string[] }> {
  const page = await fetchText(app, url);
  if (page.status >= 400) throw new PermanentError(`source: HTTP ${page.status} from ${url}`, 'source.unreachable');
  if (looksLikeFeed(page.text, page.type)) return { url, others: [] };
  const candidates = discoverFeeds(page.text, page.url);
  const declared = candidates.filter((c) => c.type !== 'guess').map((c) => c.url);
  for (const candidate of candidates.slice(0, 12)) {
    const found = await fetchText(app, candidate.url).catch(() => null);
    if (found && found.status < 400 && looksLikeFeed(found.text, found.type)) {
      return { url: candidate.url, others: declared.filter((u) => u !== candidate.url) };
    }
  }
  throw new PermanentError(`source: no feed found at ${url} (no <link rel="alternate"> feed and none at the usual paths)`, 'source.no_feed');
}

async function add(app: App, url: string, opts: { name?: string; lang?: string; category?: string }): Promise<number> {
  const feed = await resolveFeedUrl(app, url);
  const source = await app.db.transaction(async (tx) => {
    const row = await upsertSource(tx, { url: feed.url, name: opts.name, lang: opts.lang, category: opts.category });
    await JobQueue.enqueue(tx, { kind: 'poll', key: `poll:source:${row.id}`, payload: { sourceId: row.id }, priority: 20 });
    return row;
  });
  process.stdout.write(`added source ${source.id}: ${source.url}\n`);
  for (const other of feed.others) process.stdout.write(`  other feed offered by the page: ${other}\n`);
  return 0;
}

/** The WebSub line of `source list` (null: never subscribed); the secret is never printed. */
function websubSummary(w: WebSubSubscriptionRow | null, when: (d: Date | null) => string): Record<string, unknown> | null {
  if (!w) return null;
  return { state: w.state, hub: w.hub, leaseExpires: when(w.expires_at), lastPush: when(w.last_push_at), pushes: w.pushes, rejectedPushes: w.rejected_pushes, lastError: w.last_error };
}

async function list(app: App, json: boolean): Promise<number> {
  const rows = await listSources(app.db);
  const when = (d: Date | null) => (d ? new Date(d).toISOString() : '-');
  const subs = await Promise.all(rows.map((s) => getWebSub(app.db, s.id)));
  if (json) {
    const out = rows.map((s, i) => ({ ...s, websub: websubSummary(subs[i] ?? null, when) }));
    process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
    return 0;
  }
  rows.forEach((s, i) => {
    const w = subs[i];
    // The first line (id, status, name, url) is what scripts and tests cut on: WebSub goes below it.
    const websub = w
      ? `\twebsub ${w.state} via ${w.hub}, lease until ${when(w.expires_at)}, last push ${when(w.last_push_at)}, pushes ${w.pushes}` +
        `${w.rejected_pushes ? ` (${w.rejected_pushes} rejected)` : ''}${w.last_error ? `, last error: ${w.last_error}` : ''}\n`
      : '';
    process.stdout.write(
      `${s.id}\t${s.enabled ? s.status : 'disabled'}\t${s.name ?? s.title ?? '-'}\t${s.url}\n` +
        `\tlast fetch ${when(s.last_fetch_at)}, next fetch ${when(s.next_fetch_at)}, errors ${s.error_count}` +
        `${s.last_error ? `, last error: ${s.last_error}` : ''}${s.warnings.length ? `, warnings: ${s.warnings.length} (transwire source show ${s.id})` : ''}\n` +
        websub,
    );
  });
  if (rows.length === 0) process.stdout.write('no sources yet: transwire source add <url>\n');
  return 0;
}

/** One source in full: its state, every warning of its last fetch and its last error, unabridged. */
async function show(app: App, idOrUrl: string, json: boolean): Promise<number> {
  const s = await findSource(app.db, idOrUrl);
  if (!s) throw new PermanentError(`source show: no source ${idOrUrl} (transwire source list shows them)`, 'source.not_found');
  const when = (d: Date | null) => (d ? new Date(d).toISOString() : '-');
  const w = await getWebSub(app.db, s.id);
  if (json) {
    process.stdout.write(`${JSON.stringify({ ...s, websub: websubSummary(w, when) }, null, 2)}\n`);
    return 0;
  }
  const rows: Array<[string, string]> = [
    ['id', String(s.id)],
    ['url', s.url],
    ['name', s.name ?? '-'],
    ['feed title', s.title ?? '-'],
    ['site', s.site_url ?? '-'],
    ['status', s.enabled ? s.status : 'disabled'],
    ['language', s.lang ?? '-'],
    ['category', s.category ?? '-'],
    ['last fetch', when(s.last_fetch_at)],
    ['last success', when(s.last_success_at)],
    ['next fetch', when(s.next_fetch_at)],
    ['errors in a row', String(s.error_count)],
    ['last error', s.last_error ?? '-'],
  ];
  if (w) rows.push(['websub', `${w.state} via ${w.hub}, lease until ${when(w.expires_at)}, last push ${when(w.last_push_at)}, pushes ${w.pushes}${w.last_error ? `, last error: ${w.last_error}` : ''}`]);
  const width = Math.max(...rows.map(([k]) => k.length));
  process.stdout.write(rows.map(([k, v]) => `${k.padEnd(width)}  ${v}\n`).join(''));
  process.stdout.write(s.warnings.length ? `warnings of the last fetch (${s.warnings.length}):\n${s.warnings.map((x) => `  - ${x}\n`).join('')}` : 'warnings of the last fetch: none\n');
  return 0;
}

const SPEC = {
  name: 'source',
  summary: 'Manages the news sources: feeds (RSS, Atom, JSON Feed), sitemaps, or pages that link to a feed.',
  options: {
    name: { type: 'string', arg: 'NAME', help: 'add: the name shown on the site' },
    lang: { type: 'string', arg: 'LANG', help: 'add: the language of the source (en)' },
    category: { type: 'string', arg: 'CATEGORY', help: 'add: a section for its stories' },
    json: { type: 'boolean', help: 'list, show: print JSON' },
  },
  actions: {
    add: { args: '<url>', summary: 'add a feed, or a page that links to one', positionals: { min: 1, max: 1 } },
    list: { summary: 'every source with its status, last error and next fetch', positionals: { max: 0 } },
    show: { args: '<id|url>', summary: 'one source in full: every warning of its last fetch and its last error', positionals: { min: 1, max: 1 } },
    remove: { args: '<id|url>', summary: 'remove a source', positionals: { min: 1, max: 1 } },
    import: { args: '<file.opml>', summary: 'add the sources of an OPML file', positionals: { min: 1, max: 1 } },
    export: { summary: 'print the sources as OPML', positionals: { max: 0 } },
  },
} as const;

export default async function sourceCommand(argv: string[]): Promise<number> {
  const { values, positionals, action } = parseCommandArgs(argv, SPEC);
  const arg = positionals[0]!;
  const app = await createApp(configFrom(values));
  try {
    switch (action) {
      case 'add':
        return await add(app, arg, values);
      case 'list':
        return await list(app, values.json === true);
      case 'show':
        return await show(app, arg, values.json === true);
      case 'remove': {
        const source = await findSource(app.db, arg);
        if (!source) throw new PermanentError(`source remove: no source ${arg} (transwire source list shows them)`, 'source.not_found');
        await removeSource(app.db, source.id);
        process.stdout.write(`removed source ${source.id}: ${source.url}\n`);
        return 0;
      }
      case 'import': {
        const opml = parseOpml(await readFile(arg, 'utf8'));
        for (const o of opml.outlines) await upsertSource(app.db, { url: o.url, name: o.title, category: o.category });
        process.stdout.write(`imported ${opml.outlines.length} sources${opml.warnings.length ? ` (${opml.warnings.join('; ')})` : ''}\n`);
        return 0;
      }
      default: {
        const rows = await listSources(app.db);
        process.stdout.write(buildOpml(app.site.name, rows.map((s) => ({ url: s.url, title: s.name ?? s.title, htmlUrl: s.site_url, category: s.category }))));
        return 0;
      }
    }
  } finally {
    await app.close();
  }
}
