/** Run the sample newsroom alone: npx tsx demo/newsroom/main.ts [--port 4100] [--host 127.0.0.1] [--initial N] */
import { parseArgs } from 'node:util';
import { startNewsroom } from './start-newsroom.ts';

const { values } = parseArgs({
  options: { port: { type: 'string', default: '4100' }, host: { type: 'string', default: '127.0.0.1' }, initial: { type: 'string' } },
});
const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`newsroom: --port: not a port number: ${values.port}`);
  process.exit(2);
}
const newsroom = await startNewsroom({ host: values.host, port, initialCount: values.initial === undefined ? undefined : Number(values.initial) });
console.log(`newsroom: ${newsroom.liveCount()} stories live`);
console.log(`home:   ${newsroom.url}/`);
console.log(`rss:    ${newsroom.rssUrl}`);
console.log(`atom:   ${newsroom.atomUrl}`);
console.log(`broken: ${newsroom.brokenFeedUrl}`);
console.log(`publish the next held-back story: curl -X POST ${newsroom.url}/_newsroom/publish-next`);
const stop = (): void => void newsroom.close().then(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
