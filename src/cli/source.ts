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
        `${s.last_error ? `, last error: ${s.last_error}` : ''}${s.warnings.length ? `, warnings: ${s.warnings.length}` : ''}\n` +
        websub,
    );
  });
  if (rows.length === 0) process.stdout.write('no sources yet: transwire source add <url>\n');
  return 0;
}

export default async function sourceCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs(argv, {
    name: { type: 'string' },
    lang: { type: 'string' },
    category: { type: 'string' },
    json: { type: 'boolean' },
  });
  const [action, arg] = positionals;
  const app = await createApp(configFrom(values));
  try {
    switch (action) {
      case 'add':
        if (!arg) throw new PermanentError('source add: a URL is required', 'cli.usage');
        return await add(app, arg, values);
      case 'list':
        return await list(app, values.json === true);
      case 'remove': {
        const source = arg ? await findSource(app.db, arg) : null;
        if (!source) throw new PermanentError(`source remove: no source ${arg ?? ''}`, 'cli.usage');
        await removeSource(app.db, source.id);
        process.stdout.write(`removed source ${source.id}: ${source.url}\n`);
        return 0;
      }
      case 'import': {
        if (!arg) throw new PermanentError('source import: an OPML file is required', 'cli.usage');
        const opml = parseOpml(await readFile(arg, 'utf8'));
        for (const o of opml.outlines) await upsertSource(app.db, { url: o.url, name: o.title, category: o.category });
        process.stdout.write(`imported ${opml.outlines.length} sources${opml.warnings.length ? ` (${opml.warnings.join('; ')})` : ''}\n`);
        return 0;
      }
      case 'export': {
        const rows = await listSources(app.db);
        process.stdout.write(buildOpml(app.site.name, rows.map((s) => ({ url: s.url, title: s.name ?? s.title, htmlUrl: s.site_url, category: s.category }))));
        return 0;
      }
      default:
        process.stderr.write('usage: transwire source add <url> [--name N --lang L --category C] | list [--json] | remove <id|url> | import <file.opml> | export\n');
        return 2;
    }
  } finally {
    await app.close();
  }
}
