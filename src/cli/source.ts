import { readFile } from 'node:fs/promises';
import { createApp, type App } from '../app.ts';
import { PermanentError } from '../domain/errors.ts';
import { buildOpml } from '../feeds/index.ts';
import { addSource, importOpml, removeSourceByRef, type AddedSource, type ImportedSources, type RemovedSource } from '../jobs/source-actions.ts';
import { findSource, listSources } from '../store/sources.ts';
import { getWebSub, type WebSubSubscriptionRow } from '../store/websub-subscriptions.ts';
import { configFrom, parseCommandArgs } from './args.ts';
import { reachData } from './reach-data.ts';
import type { ServerClient } from './server-client.ts';

/** Add, remove and import, straight on the database or through the running server's API: the same data either way. */
interface SourceChanges {
  add(url: string, opts: { name?: string; lang?: string; category?: string }): Promise<AddedSource>;
  remove(idOrUrl: string): Promise<RemovedSource>;
  import(opml: string): Promise<ImportedSources>;
}

const onApp = (app: App): SourceChanges => ({
  add: (url, opts) => addSource({ db: app.db, http: app.http() }, url, opts),
  remove: (idOrUrl) => removeSourceByRef(app.db, idOrUrl),
  import: (opml) => importOpml(app.db, opml),
});

const onServer = (server: ServerClient): SourceChanges => ({
  add: (url, opts) => server.post('/api/v1/sources', { url, ...opts }),
  remove: (source) => server.post('/api/v1/sources/remove', { source }),
  import: (opml) => server.post('/api/v1/sources/import', { opml }),
});

/** The commands that change sources, and what they print. */
async function change(changes: SourceChanges, action: 'add' | 'remove' | 'import', arg: string, values: { name?: string; lang?: string; category?: string }): Promise<number> {
  if (action === 'add') {
    const source = await changes.add(arg, { name: values.name, lang: values.lang, category: values.category });
    process.stdout.write(`added source ${source.id}: ${source.url}\n`);
    for (const other of source.others) process.stdout.write(`  other feed offered by the page: ${other}\n`);
    return 0;
  }
  if (action === 'remove') {
    const source = await changes.remove(arg);
    process.stdout.write(`removed source ${source.id}: ${source.url}\n`);
    return 0;
  }
  const imported = await changes.import(await readFile(arg, 'utf8'));
  process.stdout.write(`imported ${imported.imported} sources${imported.warnings.length ? ` (${imported.warnings.join('; ')})` : ''}\n`);
  return 0;
}

/** A time as `list` and `show` print it: ISO 8601, or `-` for never. */
const when = (d: Date | null): string => (d ? new Date(d).toISOString() : '-');

/** The WebSub line of `source list` (null: never subscribed); the secret is never printed. */
function websubSummary(w: WebSubSubscriptionRow | null): Record<string, unknown> | null {
  if (!w) return null;
  return { state: w.state, hub: w.hub, leaseExpires: when(w.expires_at), lastPush: when(w.last_push_at), pushes: w.pushes, rejectedPushes: w.rejected_pushes, lastError: w.last_error };
}

async function list(app: App, json: boolean): Promise<number> {
  const rows = await listSources(app.db);
  const subs = await Promise.all(rows.map((s) => getWebSub(app.db, s.id)));
  if (json) {
    const out = rows.map((s, i) => ({ ...s, websub: websubSummary(subs[i] ?? null) }));
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
  const w = await getWebSub(app.db, s.id);
  if (json) {
    process.stdout.write(`${JSON.stringify({ ...s, websub: websubSummary(w) }, null, 2)}\n`);
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
  const config = configFrom(values);
  if (action === 'add' || action === 'remove' || action === 'import') {
    // Beside a running server on the same PGlite folder, through its API (reach-data.ts).
    const reached = await reachData(config, () => createApp(config));
    if (reached.server) return change(onServer(reached.server), action, arg, values);
    try {
      return await change(onApp(reached.direct), action, arg, values);
    } finally {
      await reached.direct.close();
    }
  }
  const app = await createApp(config);
  try {
    switch (action) {
      case 'list':
        return await list(app, values.json === true);
      case 'show':
        return await show(app, arg, values.json === true);
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
