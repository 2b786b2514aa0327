import { rmSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startNewsroom, startSpanishOutlet, type Newsroom } from '../../demo/newsroom/start-newsroom.ts';
import { createApp, type App } from '../app.ts';
import { listenError, StartupError } from '../startup-error.ts';
import { countLive } from '../store/publications.ts';
import { countListedOnly, countMultiSourceStories } from '../store/stories.ts';
import { countHeld } from '../store/translations.ts';
import { configFrom, intArg, parseCommandArgs } from './args.ts';

const SPEC = {
  name: 'demo',
  summary:
    'The whole pipeline on the embedded defaults: a sample newsroom on 127.0.0.1, its RSS and Atom feeds as sources,\n' +
    'Apertium en→es, PGlite in a temporary folder (removed on exit), and the Spanish site on 127.0.0.1:PORT.',
  options: {
    port: { type: 'string', default: '8080', arg: 'N', help: 'the site\'s port' },
    'newsroom-port': { type: 'string', default: '0', arg: 'N', help: 'the newsroom\'s port; 0 picks a free one' },
    data: { type: 'string', arg: 'DIR', help: 'keep the database in DIR instead of a temporary folder' },
    'exit-when-published': { type: 'boolean', help: 'stop once every story is published or held (for benchmarks)' },
  },
  positionals: { max: 0 },
} as const;

/** Settings named as the demo's options, so an error says what to type instead. */
const DEMO_SETTINGS: Record<string, string> = { 'server.port': '--port', 'server.host': '--port', 'database.dataDir': '--data' };

export default async function demoCommand(argv: string[]): Promise<number> {
  const { values } = parseCommandArgs(argv, SPEC);
  const port = intArg('demo', '--port', values.port, { min: 0, max: 65535 })!;
  const newsroomPort = intArg('demo', '--newsroom-port', values['newsroom-port'], { min: 0, max: 65535 })!;
  const dataDir = values.data ?? (await mkdtemp(join(tmpdir(), 'transwire-demo-')));
  // The temporary folder goes however the process ends: normal exit, an error, Ctrl-C, SIGTERM.
  // Mirrored images go beside the database, not into ./data/media of whatever folder the demo ran in.
  const mediaDir = `${dataDir}-media`;
  const removeData = () => {
    if (values.data !== undefined) return;
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(mediaDir, { recursive: true, force: true });
  };
  process.once('exit', removeData);
  // Ctrl-C or SIGTERM while starting ends the process at once (the folder goes on exit); once
  // started, the first one stops the demo in order and a second one ends it at once.
  let stopRequested: ((signal: string) => void) | null = null;
  const onSignal = (signal: string) => {
    const stop = stopRequested;
    stopRequested = null;
    if (stop) stop(signal);
    else process.exit(130);
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);

  let newsroom: Newsroom | null = null;
  let diario: Newsroom | null = null;
  let app: App | null = null;
  let progress: NodeJS.Timeout | undefined;
  try {
    newsroom = await startNewsroom({ port: newsroomPort }).catch((err: unknown) => {
      throw renamed(listenError(err, '127.0.0.1', newsroomPort), '--newsroom-port');
    });
    // A second outlet tells some of the Gazette's stories in Spanish: each joins the Gazette's story.
    const spanish = await startSpanishOutlet();
    diario = spanish;
    const newsroomHost = new URL(newsroom.url).host;
    const newsroomRss = newsroom.rssUrl;
    const newsroomAtom = newsroom.atomUrl;
    const config = configFrom(values, (raw) => ({
      ...raw,
      site: { name: 'transwire demo', baseUrl: `http://127.0.0.1:${port}`, languages: ['es'], ...(raw.site as object) },
      server: { host: '127.0.0.1', port },
      database: { url: (raw.database as { url?: string } | undefined)?.url ?? null, dataDir },
      media: { dir: mediaDir, ...(raw.media as object) },
      sources: [
        { url: newsroomRss, name: 'The Northbridge Gazette', lang: 'en' },
        { url: newsroomAtom, name: 'The Northbridge Gazette', lang: 'en' },
        { url: spanish.rssUrl, name: 'Diario del Norte', lang: 'es' },
      ],
      fetch: {
        ...(raw.fetch as object),
        // The newsroom lives on 127.0.0.1: this one host:port is let through the SSRF guard, nothing else.
        allowPrivate: [newsroomHost, new URL(spanish.url).host],
        // At most 30 s between polls, so a story added while the demo runs is on the site within a minute.
        poll: { minSeconds: 5, maxSeconds: 30 },
        perHost: { concurrency: 4, minIntervalMs: 50 },
      },
      worker: { concurrency: 4, leaseSeconds: 60, pollMs: 200 },
    }));

    const started = Date.now();
    app = await createApp(config).catch((err: unknown) => {
      throw err instanceof StartupError ? renamed(err) : err;
    });
    const { url } = await app.start(['scheduler', 'worker', 'web']).catch((err: unknown) => {
      throw err instanceof StartupError ? renamed(err) : err;
    });
    process.stdout.write(
      `transwire demo\n  newsroom (English):  ${newsroom.url}/\n  second outlet:       ${spanish.url}/ (Spanish; tells some of the same stories)\n  site (Spanish):      ${url}/es/\n` +
        `  data:                ${dataDir} and ${config.media.dir}${values.data === undefined ? ' (removed when the demo stops)' : ''}\n` +
        `  add a story to the newsroom: curl -X POST ${newsroom.url}/_newsroom/publish-next\n` +
        `  (it appears on the Spanish site within a minute; Ctrl-C stops the demo)\n` +
        `  one story in the newsroom's feed was withdrawn (404): its failed job is logged, as it would be for a real outlet\n`,
    );

    const reporter = progressReporter(app, newsroom, started);
    progress = setInterval(() => void reporter.tick(), 500);
    const signalled = new Promise<string>((resolve) => (stopRequested = resolve));
    const reason = await (values['exit-when-published'] ? Promise.race([reporter.allSettled(), signalled]) : signalled);
    app.log.info({ reason }, 'demo stopping');
    return 0;
  } finally {
    clearInterval(progress);
    await app?.close();
    await newsroom?.close();
    await diario?.close();
    removeData();
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}

function renamed(err: StartupError, setting = DEMO_SETTINGS[err.setting]): StartupError {
  return setting ? new StartupError(setting, err.detail, { cause: err.cause }) : err;
}

/**
 * One line each time the count changes. The newsroom lists one withdrawn story (404): it is
 * recorded as failed, not published, and not counted. Stories added with publish-next are. The
 * Spanish outlet's articles join the Gazette's stories and are not counted (the site is Spanish).
 */
function progressReporter(app: App, newsroom: Newsroom, started: number) {
  let reported = '';
  let settled = false;
  return {
    async tick() {
      const expected = newsroom.liveCount();
      const live = await countLive(app.db, 'es').catch(() => 0);
      const held = await countHeld(app.db).catch(() => 0);
      // A Gazette article whose story another member already leads is listed there, not translated again.
      const listed = await countListedOnly(app.db, 'es').catch(() => 0);
      const shared = await countMultiSourceStories(app.db).catch(() => 0);
      settled = live + held + listed >= expected;
      const line =
        `${live}/${expected} articles published in Spanish${held ? `, ${held} held for review (transwire review list)` : ''}` +
        `${listed ? `, ${listed} listed in their story` : ''}${shared ? `; ${shared} ${shared === 1 ? 'story' : 'stories'} told by 2+ outlets` : ''}`;
      if (line === reported) return;
      reported = line;
      process.stdout.write(`  ${line} after ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
    },
    allSettled(): Promise<string> {
      return new Promise((resolve) => {
        const check = setInterval(() => {
          if (!settled) return;
          clearInterval(check);
          resolve('all published');
        }, 200);
      });
    },
  };
}
