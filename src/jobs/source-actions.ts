import { PermanentError } from '../domain/errors.ts';
import { discoverFeeds, looksLikeFeed, parseOpml } from '../feeds/index.ts';
import { decodeBody, type HttpClient } from '../fetch/index.ts';
import type { Db } from '../store/db.ts';
import { findSource, removeSource, upsertSource } from '../store/sources.ts';
import { JobQueue } from './queue.ts';

/**
 * Adding, removing and importing sources: what `transwire source …` does straight on the database
 * and what a running server's API does for it, in one place. Each returns plain data; the caller
 * words it.
 */
export interface AddedSource {
  id: number;
  url: string;
  /** Other feeds the page offered (a page URL was given, and the first real feed was taken). */
  others: string[];
}

export interface RemovedSource {
  id: number;
  url: string;
}

export interface ImportedSources {
  imported: number;
  warnings: string[];
}

async function fetchText(http: HttpClient, url: string): Promise<{ url: string; status: number; type: string | null; text: string }> {
  const res = await http.get(url);
  const type = res.headers['content-type'] ?? null;
  const { text } = decodeBody(res.body, { contentType: type, kind: /html/.test(type ?? '') ? 'html' : 'xml' });
  return { url: res.url, status: res.status, type, text };
}

/**
 * A page URL is not a feed: find the feeds it offers and take the first that really is one,
 * naming the others. Guessed paths (/feed, /rss.xml…) are only taken after fetching them.
 */
async function resolveFeedUrl(http: HttpClient, url: string): Promise<{ url: string; others: string[] }> {
  const page = await fetchText(http, url);
  if (page.status >= 400) throw new PermanentError(`source: HTTP ${page.status} from ${url}`, 'source.unreachable', { httpStatus: 400 });
  if (looksLikeFeed(page.text, page.type)) return { url, others: [] };
  const candidates = discoverFeeds(page.text, page.url);
  const declared = candidates.filter((c) => c.type !== 'guess').map((c) => c.url);
  for (const candidate of candidates.slice(0, 12)) {
    const found = await fetchText(http, candidate.url).catch(() => null);
    if (found && found.status < 400 && looksLikeFeed(found.text, found.type)) {
      return { url: candidate.url, others: declared.filter((u) => u !== candidate.url) };
    }
  }
  throw new PermanentError(`source: no feed found at ${url} (no <link rel="alternate"> feed and none at the usual paths)`, 'source.no_feed', { httpStatus: 400 });
}

/** Adds a feed, or the first feed a page offers, and queues its first poll in the same transaction. */
export async function addSource(
  deps: { db: Db; http: HttpClient },
  url: string,
  opts: { name?: string; lang?: string; category?: string } = {},
): Promise<AddedSource> {
  const feed = await resolveFeedUrl(deps.http, url);
  const source = await deps.db.transaction(async (tx) => {
    const row = await upsertSource(tx, { url: feed.url, name: opts.name, lang: opts.lang, category: opts.category });
    await JobQueue.enqueue(tx, { kind: 'poll', key: `poll:source:${row.id}`, payload: { sourceId: row.id }, priority: 20 });
    return row;
  });
  return { id: source.id, url: source.url, others: feed.others };
}

/** Removes a source named by its id or URL. */
export async function removeSourceByRef(db: Db, idOrUrl: string): Promise<RemovedSource> {
  const source = await findSource(db, idOrUrl);
  if (!source) throw new PermanentError(`source remove: no source ${idOrUrl} (transwire source list shows them)`, 'source.not_found', { httpStatus: 404 });
  await removeSource(db, source.id);
  return { id: source.id, url: source.url };
}

/** Adds (or updates) every source of an OPML document. */
export async function importOpml(db: Db, opmlText: string): Promise<ImportedSources> {
  const opml = parseOpml(opmlText);
  for (const o of opml.outlines) await upsertSource(db, { url: o.url, name: o.title, category: o.category });
  return { imported: opml.outlines.length, warnings: opml.warnings };
}
