import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startNewsroom } from '../../demo/newsroom/start-newsroom.ts';
import { createApp } from '../app.ts';
import { countLive } from '../store/publications.ts';
import { countHeld } from '../store/translations.ts';
import { configFrom, parseCommandArgs, untilSignal } from './args.ts';

/**
 * The whole pipeline on the embedded defaults: a sample newsroom on 127.0.0.1, its RSS and Atom
 * feeds as sources, Apertium en→es, PGlite in a fresh folder, and the site on 127.0.0.1:PORT.
 */
export default async function demoCommand(argv: string[]): Promise<number> {
  const { values } = parseCommandArgs(argv, {
    port: { type: 'string', default: '8080' },
    'newsroom-port': { type: 'string', default: '0' },
    data: { type: 'string' },
    'exit-when-published': { type: 'boolean' },
  });
  const newsroom = await startNewsroom({ port: Number(values['newsroom-port']) });
  const newsroomHost = new URL(newsroom.url).host;
  const dataDir = values.data ?? (await mkdtemp(join(tmpdir(), 'transwire-demo-')));
  const port = Number(values.port);
  const config = configFrom(values, (raw) => ({
    ...raw,
    site: { name: 'transwire demo', baseUrl: `http://127.0.0.1:${port}`, languages: ['es'], ...(raw.site as object) },
    server: { host: '127.0.0.1', port },
    database: { url: (raw.database as { url?: string } | undefined)?.url ?? null, dataDir },
    sources: [
      { url: newsroom.rssUrl, name: 'The Northbridge Gazette', lang: 'en' },
      { url: newsroom.atomUrl, name: 'The Northbridge Gazette', lang: 'en' },
    ],
    fetch: {
      ...(raw.fetch as object),
      // The newsroom lives on 127.0.0.1: this one host:port is let through the SSRF guard, nothing else.
      allowPrivate: [newsroomHost],
      poll: { minSeconds: 5, maxSeconds: 60 },
      perHost: { concurrency: 4, minIntervalMs: 50 },
    },
    worker: { concurrency: 4, leaseSeconds: 60, pollMs: 200 },
  }));

  const started = Date.now();
  const app = await createApp(config);
  const { url } = await app.start(['scheduler', 'worker', 'web']);
  process.stdout.write(
    `transwire demo\n  newsroom (English):  ${newsroom.url}/\n  site (Spanish):      ${url}/es/\n  data:                ${dataDir}\n` +
      `  add a story to the newsroom: curl -X POST ${newsroom.url}/_newsroom/publish-next\n`,
  );

  // The newsroom also lists one withdrawn story (404): it is recorded as failed, not published.
  const expected = newsroom.liveCount();
  let reported = '';
  let settled = 0;
  const progress = setInterval(async () => {
    const live = await countLive(app.db, 'es').catch(() => 0);
    const held = await countHeld(app.db).catch(() => 0);
    const line = `${live}/${expected} articles published in Spanish${held ? `, ${held} held for review (transwire review list)` : ''}`;
    if (line !== reported) {
      reported = line;
      settled = live + held;
      const seconds = ((Date.now() - started) / 1000).toFixed(1);
      process.stdout.write(`  ${line} after ${seconds} s\n`);
    }
  }, 500);

  const stop = values['exit-when-published']
    ? new Promise<string>((resolve) => {
        const check = setInterval(() => {
          if (settled >= expected) {
            clearInterval(check);
            resolve('all published');
          }
        }, 200);
      })
    : untilSignal();
  const reason = await stop;
  clearInterval(progress);
  app.log.info({ reason }, 'demo stopping');
  await app.close();
  await newsroom.close();
  return 0;
}
