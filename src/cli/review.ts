import { userInfo } from 'node:os';
import {
  approveHeld, listHeldForReview, listHeldUpdatesForReview, retranslateHeld, type Approved, type HeldUpdateEntry, type Retranslation,
} from '../admin/api/held-review.ts';
import { dismissHeldUpdate, publishHeldUpdate, type PublishedUpdate } from '../admin/editorial/held-update-commands.ts';
import { createApp, type App } from '../app.ts';
import type { HeldRow } from '../store/translations.ts';
import { configFrom, intArg, parseCommandArgs } from './args.ts';
import { reachData } from './reach-data.ts';
import type { ServerClient } from './server-client.ts';

/** The three actions, straight on the database or through the running server's API: the same data either way. */
interface ReviewActions {
  list(): Promise<HeldRow[]>;
  approve(id: number): Promise<Approved>;
  retranslate(id: number, engine: string | null): Promise<Retranslation>;
  updates(): Promise<HeldUpdateEntry[]>;
  publishUpdate(id: number): Promise<PublishedUpdate>;
  dismissUpdate(id: number): Promise<{ updateId: number }>;
}

const onApp = (app: App): ReviewActions => {
  const services = { db: app.db, config: app.config, site: app.site, log: app.log, translator: app.translator, http: app.http };
  return {
    list: () => listHeldForReview(app.db),
    approve: (id) => approveHeld(services, id),
    retranslate: (id, engine) => retranslateHeld(services, id, engine),
    updates: () => listHeldUpdatesForReview(app.db),
    publishUpdate: (id) => publishHeldUpdate(services, id, `cli:${userInfo().username}`),
    dismissUpdate: (id) => dismissHeldUpdate(services, id, `cli:${userInfo().username}`),
  };
};

const onServer = (server: ServerClient): ReviewActions => ({
  list: () => server.get('/api/v1/review'),
  approve: (id) => server.post(`/api/v1/review/${id}/approve`, {}),
  retranslate: (id, engine) => server.post(`/api/v1/review/${id}/retranslate`, { engine }),
  updates: () => server.get('/api/v1/review/updates'),
  publishUpdate: (id) => server.post(`/api/v1/review/updates/${id}/publish`, {}),
  dismissUpdate: (id) => server.post(`/api/v1/review/updates/${id}/dismiss`, {}),
});

/** Held translations: list them, publish one as approved, or queue it for another engine. */
export default async function reviewCommand(argv: string[]): Promise<number> {
  const { values, positionals, action } = parseCommandArgs(argv, {
    name: 'review',
    summary: 'The translations the fidelity gate held for an editor.',
    options: {
      json: { type: 'boolean', help: 'list, updates: print JSON' },
      engine: { type: 'string', arg: 'NAME', help: 'retranslate: the engine to use (as named in translation.engines)' },
    },
    actions: {
      list: { summary: 'the held translations, each with its reason and original', positionals: { max: 0 } },
      approve: { args: '<id>', summary: 'publish a held translation as it is', positionals: { min: 1, max: 1 } },
      retranslate: { args: '<id>', summary: 'queue a fresh translation (with --engine NAME, by that configured engine)', positionals: { min: 1, max: 1 } },
      updates: { summary: 'the source updates the gate held (the earlier translation stays live), each with its reason and what changed', positionals: { max: 0 } },
      'publish-update': { args: '<id>', summary: 'publish a held source update anyway: it becomes the live translation', positionals: { min: 1, max: 1 } },
      'dismiss-update': { args: '<id>', summary: 'dismiss a held source update: the earlier translation stays live', positionals: { min: 1, max: 1 } },
    },
    notes: ['Beside a running transwire run|web on the same PGlite folder, the command goes through its API (see the README).'],
  });
  const id = action === 'list' || action === 'updates' ? 0 : intArg('review', `${action} <id>`, positionals[0], { min: 1 })!;
  const config = configFrom(values);
  const reached = await reachData(config, () => createApp(config));
  const review = reached.server ? onServer(reached.server) : onApp(reached.direct);
  try {
    if (action === 'list') {
      // Through the server the dates arrive as the ISO strings JSON.stringify makes of them here: --json prints the same bytes.
      const rows = await review.list();
      if (values.json) process.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
      else for (const r of rows) process.stdout.write(`${r.id}\t${r.lang}\t${r.engine}\t${r.title}\n\treason: ${r.hold_reason ?? '-'}\n\toriginal: ${r.url}\n`);
      if (!values.json && rows.length === 0) process.stdout.write('nothing held for review\n');
      return 0;
    }
    if (action === 'updates') {
      const rows = await review.updates();
      if (values.json) process.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
      else for (const r of rows) process.stdout.write(`${r.id}\t${r.lang}\t${r.engine}\t${r.title}\n\tsource update held: ${r.reason ?? '-'}\n\tchanged: ${r.changed}\n\toriginal: ${r.url}\n`);
      if (!values.json && rows.length === 0) process.stdout.write('no source update held for review\n');
      return 0;
    }
    if (action === 'publish-update') {
      const done = await review.publishUpdate(id);
      process.stdout.write(`published update ${done.updateId}: translation ${done.translationId} is live at ${done.path}\n`);
      return 0;
    }
    if (action === 'dismiss-update') {
      await review.dismissUpdate(id);
      process.stdout.write(`dismissed update ${id}: the earlier translation stays live\n`);
      return 0;
    }
    if (action === 'approve') {
      const approved = await review.approve(id);
      process.stdout.write(`approved translation ${approved.translationId}: published at ${approved.path}\n`);
      return 0;
    }
    const queued = await review.retranslate(id, values.engine ?? null);
    process.stdout.write(`queued a new translation of article ${queued.articleId} into ${queued.lang}${queued.engine ? ` with ${queued.engine}` : ''}\n`);
    return 0;
  } finally {
    await reached.direct?.close();
  }
}
