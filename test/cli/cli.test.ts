import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startNewsroom, type Newsroom } from '../../demo/newsroom/start-newsroom.ts';
import { requireApertiumPair } from '../helpers/require-tool.ts';
import { runCli } from '../helpers/run-cli.ts';

const dir = mkdtempSync(join(tmpdir(), 'tw-cli-'));
function configFile(name: string, yaml: string): string {
  const file = join(dir, name);
  writeFileSync(file, yaml);
  return file;
}

describe('transwire CLI', { timeout: 120_000 }, () => {
  it('prints usage and exits 2 without a command, and names an unknown one', async () => {
    const none = await runCli([]);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('usage: transwire');
    const bogus = await runCli(['frobnicate']);
    expect(bogus.code).toBe(2);
    expect(bogus.stderr).toContain('unknown command "frobnicate"');
  });

  it('rejects a bad config with the key and the problem', async () => {
    const file = configFile('bad.yaml', 'sources:\n  - url: https://a.example/feed\n  - url: nope\n');
    const res = await runCli(['config', '--config', file]);
    expect(res.code).toBe(1);
    expect(res.stderr).toContain('sources[1].url: not a URL');
  });

  it('prints the effective config with secrets masked and env overrides applied', async () => {
    const file = configFile('ok.yaml', 'translation:\n  engines:\n    deepl: { kind: deepl, apiKey: sekrit-key-123 }\n  chains: { en-es: [deepl] }\n');
    const res = await runCli(['config', '--json', '--config', file], { env: { PORT: '9123', DATABASE_URL: 'postgres://tw:pw123@db.example/tw' } });
    expect(res.code).toBe(0);
    const printed = JSON.parse(res.stdout);
    expect(printed.server.port).toBe(9123);
    expect(res.stdout).not.toContain('sekrit-key-123');
    expect(res.stdout).not.toContain('pw123');
  });
});

describe('transwire preview', { timeout: 180_000 }, () => {
  let newsroom: Newsroom;
  let allowFile: string;
  beforeAll(async () => {
    newsroom = await startNewsroom({ initialCount: 2 });
    allowFile = configFile('allow.yaml', `fetch:\n  allowPrivate: ["${new URL(newsroom.url).host}"]\n`);
  });
  afterAll(async () => newsroom?.close());

  it('refuses private addresses with the default config, and the server sees no request', async () => {
    let requests = 0;
    const server = createServer((_req, res) => {
      requests++;
      res.end('<html><body><p>hi</p></body></html>');
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const port = (server.address() as AddressInfo).port;
    try {
      for (const url of [`http://127.0.0.1:${port}/`, `http://[::ffff:127.0.0.1]:${port}/`]) {
        const res = await runCli(['preview', url, '--config', configFile('empty.yaml', '{}\n')]);
        expect(res.code).toBe(1);
        expect(res.stderr).toMatch(/refus|blocked|not allowed|private|loopback/i);
      }
      expect(requests).toBe(0);
    } finally {
      server.close();
    }
  });

  it('extracts and translates one page to JSON', async () => {
    requireApertiumPair('eng-spa');
    const home = await (await fetch(newsroom.rssUrl)).text();
    const link = /<link>([^<]+\/articles\/[^<]+)<\/link>/.exec(home)![1]!;
    const res = await runCli(['preview', link, '--to', 'es', '--json', '--config', allowFile]);
    expect(res.stderr).toBe('');
    expect(res.code).toBe(0);
    const out = JSON.parse(res.stdout);
    expect(Object.keys(out)).toEqual(expect.arrayContaining(['url', 'title', 'byline', 'published', 'lang', 'text', 'html', 'translation']));
    expect(out.lang).toBe('en');
    expect(out.text).not.toContain('Back to top');
    expect(out.translation).toMatchObject({ lang: 'es', engine: expect.stringContaining('apertium') });
    expect(out.translation.checks).toHaveProperty('findings');
  });

  it('fails clearly on an unknown language pair, a page that is not HTML, and an unreachable URL', async () => {
    const home = await (await fetch(newsroom.rssUrl)).text();
    const link = /<link>([^<]+\/articles\/[^<]+)<\/link>/.exec(home)![1]!;
    const pair = await runCli(['preview', link, '--to', 'zu', '--config', allowFile]);
    expect(pair.code).toBe(1);
    expect(pair.stderr).toMatch(/en→zu/);
    const notHtml = await runCli(['preview', `${newsroom.url}/static/logo.svg`, '--config', allowFile]);
    expect(notHtml.code).toBe(1);
    expect(notHtml.stderr).toMatch(/not an HTML page/);
    const unreachable = await runCli(['preview', 'http://unreachable.invalid/', '--config', allowFile]);
    expect(unreachable.code).toBe(1);
    expect(unreachable.stderr).toMatch(/transwire: /);
  });
});
