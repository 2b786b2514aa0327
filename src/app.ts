import type { Config } from './config/schema.ts';
import { refetchScheduleMs } from './config/refetch-schedule.ts';
import { createHttpClient, createRobotsPolicy, type HttpClient } from './fetch/index.ts';
import { JobQueue } from './jobs/queue.ts';
import { startScheduler } from './jobs/scheduler.ts';
import { startWorkerPool, type JobHandler } from './jobs/worker-pool.ts';
import { createPollSourceHandler } from './jobs/handlers/poll-source.ts';
import { createExtractItemHandler } from './jobs/handlers/extract-item.ts';
import { createStoryPlacement } from './jobs/handlers/place-story.ts';
import { createTranslateArticleHandler } from './jobs/handlers/translate-article.ts';
import { createRenderSiteHandler } from './jobs/handlers/render-site.ts';
import { createMirrorMediaHandler } from './jobs/handlers/mirror-media.ts';
import { createWebSubSubscribeHandler } from './jobs/handlers/websub-subscribe.ts';
import { createWebSubPushHandler } from './jobs/handlers/websub-push.ts';
import { createRefetchArticleHandler } from './jobs/handlers/refetch-article.ts';
import { startRefetchSweep } from './jobs/refetch-sweep.ts';
import { createWebSubFetch } from './jobs/websub-fetch.ts';
import { startWebSubRenewal } from './jobs/websub-renewal.ts';
import { websubRoute } from './jobs/websub-route.ts';
import { createLogger, type Logger } from './logger.ts';
import { databaseError, listenError } from './startup-error.ts';
import type { Db } from './store/db.ts';
import { announceDbHolder, openDb } from './store/open-db.ts';
import { upsertSource } from './store/sources.ts';
import { createSqlTranslationMemory } from './store/translation-memory.ts';
import { createEngines, createTranslator, type GlossaryEntry, type TranslationMemory, type Translator } from './translate/index.ts';
import { checkEngines, engineCheckError } from './translate/check-engines.ts';
import { healthRoutes } from './web/health-routes.ts';
import { startWebServer, type SiteOptions } from './web/start-web-server.ts';
import { mediaRoute } from './web/media-route.ts';
import { diskMediaFiles } from './media/media-files.ts';
import { metricsRoute } from './web/metrics-route.ts';
import { createLiveSettings } from './jobs/live-settings.ts';
import { announceFirstAdmin } from './admin/auth/first-admin.ts';
import { mountConsole } from './admin/mount-console.ts';
import { writeLocalToken } from './admin/api/local-token-file.ts';

export type Role = 'scheduler' | 'worker' | 'web';

export interface App {
  config: Config;
  db: Db;
  queue: JobQueue;
  log: Logger;
  site: SiteOptions;
  http(): HttpClient;
  translator(): Translator;
  /** Starts the given roles; resolves once they are up. */
  start(roles: Role[]): Promise<{ url: string | null }>;
  close(): Promise<void>;
}

export function siteOptions(config: Config): SiteOptions {
  return {
    name: config.site.name,
    baseUrl: config.site.baseUrl.replace(/\/$/, ''),
    languages: [...config.site.languages],
    defaultLanguage: config.site.defaultLanguage ?? config.site.languages[0]!,
  };
}

export function userAgent(config: Config): string {
  return config.fetch.userAgent ?? `transwire/0.1 (+${config.site.baseUrl})`;
}

export function httpClientFor(config: Config): HttpClient {
  return createHttpClient({
    userAgent: userAgent(config),
    allowPrivate: [...config.fetch.allowPrivate],
    timeoutMs: config.fetch.timeoutMs,
    maxBytes: config.fetch.maxBytes,
  });
}

export function translatorFor(config: Config, memory: TranslationMemory, log?: Logger, glossary?: (from: string, to: string) => Promise<GlossaryEntry[]>): Translator {
  return createTranslator({
    // A quota or budget stop (DeepL 456, daily characters) is an operator's problem: say so loudly.
    onAlert: (alert) => log?.warn({ engine: alert.engine, code: alert.code, until: alert.until }, alert.message),
    engines: createEngines(config.translation.engines),
    chains: { ...config.translation.chains } as Record<string, string[]>,
    memory,
    glossary: glossary ?? [...config.translation.glossary],
  });
}

/** Opens the configured database; a failure names the setting (`database.url: role "x" does not exist`). */
export async function openDbFor(config: Config, onError?: (err: Error) => void): Promise<Db> {
  try {
    return await openDb({ databaseUrl: config.database.url, dataDir: config.database.dataDir, onError });
  } catch (err) {
    throw databaseError(err, { url: config.database.url, dataDir: config.database.dataDir });
  }
}

/** The composition root: wires store, fetcher, engines, jobs and web from one config. */
export async function createApp(config: Config, opts: { log?: Logger; retryBaseMs?: number; /** The secret the local command line presents to /api/v1 (see admin/mount-console.ts). */ localToken?: string } = {}): Promise<App> {
  const log = opts.log ?? createLogger({ level: config.log.level, format: config.log.format });
  const db = await openDbFor(config, (err) => log.error({ err: err.message }, 'database connection error'));
  const queue = new JobQueue(db, { leaseSeconds: config.worker.leaseSeconds });
  const mediaFiles = diskMediaFiles(config.media.dir);
  const site = siteOptions(config);
  const stops: Array<() => Promise<void>> = [];
  /** Called first on close: what is in flight fails at once instead of running out its timeout. */
  const aborts: Array<() => void> = [];
  let http: HttpClient | null = null;
  let translator: Translator | null = null;

  const getHttp = () => (http ??= httpClientFor(config));
  // The console's glossary and publish policy over the config's, read again every few seconds.
  const live = createLiveSettings({ db, glossary: config.translation.glossary, policy: config.publish.policy ?? {} });
  const getTranslator = () => (translator ??= translatorFor(config, createSqlTranslationMemory(db), log, live.glossary));

  const rulesBySource = new Map(config.sources.map((s) => [s.url, s.extract]));
  const sourceLangs = config.sources.flatMap((s) => (s.lang ? [s.lang] : []));
  const engineCheck = () => checkEngines({ engines: config.translation.engines, chains: config.translation.chains, targets: config.site.languages, sources: sourceLangs });

  function handlers(): Record<string, JobHandler> {
    const robots = config.fetch.respectRobots
      ? createRobotsPolicy({ http: getHttp(), userAgent: userAgent(config) })
      : { isAllowed: async () => true };
    const hubFetch = createWebSubFetch({ allowPrivate: [...config.fetch.allowPrivate], userAgent: userAgent(config), timeoutMs: config.fetch.timeoutMs });
    aborts.push(() => hubFetch.abort());
    stops.push(() => hubFetch.close());
    return {
      poll: createPollSourceHandler({ db, http: getHttp(), robots, log, poll: config.fetch.poll, perHost: config.fetch.perHost, websub: { callbackBase: site.baseUrl } }),
      extract: createExtractItemHandler({
        db,
        http: getHttp(),
        log,
        targetLanguages: config.site.languages,
        perHost: config.fetch.perHost,
        robots,
        rulesFor: (url) => rulesBySource.get(url),
        ...(config.stories.enabled ? { stories: createStoryPlacement({ db, log, translator: getTranslator, targetLanguages: config.site.languages }) } : {}),
      }),
      translate: createTranslateArticleHandler({ db, translator: getTranslator(), log, policy: live.policy }),
      render: createRenderSiteHandler({ db, site }),
      'mirror-media': createMirrorMediaHandler({
        db, http: getHttp(), log, files: mediaFiles, maxImages: config.media.maxImagesPerArticle,
        maxBytes: config.media.maxBytes, maxPixels: config.media.maxPixels, perSourceBytesPerDay: config.media.perSourceBytesPerDay,
      }),
      'websub-subscribe': createWebSubSubscribeHandler({ db, log, fetch: hubFetch.fetch, callbackBase: site.baseUrl }),
      'websub-push': createWebSubPushHandler({ db, log }),
      refetch: createRefetchArticleHandler({
        db, http: getHttp(), log, translator: getTranslator(), policy: live.policy, perHost: config.fetch.perHost, robots, rulesFor: (url) => rulesBySource.get(url),
        schedule: refetchScheduleMs(config.fetch.refetchSchedule),
      }),
    };
  }

  async function startRoles(roles: Role[]): Promise<{ url: string | null }> {
    let url: string | null = null;
    // Engines and pairs are checked before anything starts: at translation time a missing pair
    // fails every article, visible only in the job logs.
    const engines = roles.includes('worker') ? await engineCheck() : null;
    if (engines && !engines.ok) throw engineCheckError(engines);
    if (roles.includes('scheduler')) {
      for (const s of config.sources) await upsertSource(db, s, { resume: false }); // a console pause survives a restart
      const scheduler = startScheduler({ db, queue, log });
      stops.push(() => scheduler.stop());
      const refetches = startRefetchSweep({ db, log, schedule: refetchScheduleMs(config.fetch.refetchSchedule) });
      stops.push(() => refetches.stop());
      const renewal = startWebSubRenewal({ db, log });
      stops.push(() => renewal.stop());
    }
    if (roles.includes('worker')) {
      const pool = startWorkerPool({
        queue,
        handlers: handlers(),
        concurrency: config.worker.concurrency,
        pollMs: config.worker.pollMs,
        log,
        retryBaseMs: opts.retryBaseMs,
        roles,
      });
      stops.push(() => pool.stop());
    }
    if (roles.includes('web')) {
      const listen = { host: config.server.host, port: config.server.port };
      // A command on this machine beside this server (its PGlite folder is ours) calls /api/v1 with
      // this token, from a 0600 file beside the lock; a new one at every start, removed at close.
      const local = opts.localToken === undefined && !config.database.url && config.database.dataDir !== 'memory://' ? writeLocalToken(config.database.dataDir) : null;
      if (local) stops.push(async () => local.remove());
      const web = await startWebServer({
        db,
        site,
        host: config.server.host,
        port: config.server.port,
        routes: [...healthRoutes({ db, log, engines: engines ? async () => { const c = await engineCheck(); if (!c.ok) throw engineCheckError(c); } : undefined }), websubRoute(db), mediaRoute(db, { files: mediaFiles, maxPixels: config.media.maxPixels }), metricsRoute({ db, access: config.metrics }),
          // The console and the API: /admin, /admin/…, /api/v1/… (sessions, tokens, roles, CSRF inside).
          ...mountConsole({ services: { db, config, site, log, translator: getTranslator, http: getHttp, dataDir: config.database.url ? undefined : config.database.dataDir }, localToken: opts.localToken ?? local?.token })],
        log,
        search: config.search,
        trustProxy: config.server.trustProxy,
      }).catch((err: unknown) => {
        throw listenError(err, listen.host, listen.port);
      });
      url = web.url;
      announceDbHolder(db, { url }); // the lock file of a PGlite folder says where the running server is
      await announceFirstAdmin(db, log, url);
      stops.push(() => web.close());
    }
    return { url };
  }

  let closing: Promise<void> | null = null;
  const app: App = {
    config,
    db,
    queue,
    log,
    site,
    http: getHttp,
    translator: getTranslator,
    async start(roles) {
      try {
        return await startRoles(roles);
      } catch (err) {
        // Every part that did start stops: a scheduler or workers without the web server would
        // keep the process alive, and a supervisor would never see the failure.
        await app.close().catch((closeErr: unknown) => log.error({ err: String(closeErr) }, 'stopping after a failed start'));
        throw err;
      }
    },
    close() {
      // Idempotent: a failed start closes, and the command's own clean-up may close again.
      closing ??= (async () => {
        http?.abort(); // in-flight fetches fail now and their jobs go back to the queue (a trickling server held shutdown 16 s)
        for (const abort of aborts) abort(); // hub requests likewise (a hub that never answers)
        for (const stop of stops.reverse()) await stop();
        await translator?.close();
        await http?.close();
        await db.close();
      })();
      return closing;
    },
  };
  return app;
}
