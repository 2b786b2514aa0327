import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.ts';

const RSS = '<?xml version="1.0"?><rss version="2.0"><channel><title>Local</title><item><title>A</title><link>http://example.com/a</link></item></channel></rss>';

describe('transwire parse-feed <url>', () => {
  let server: Server;
  let base = '';
  let hits = 0;
  beforeAll(async () => {
    server = createServer((_req, res) => {
      hits++;
      res.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8' }).end(RSS);
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  it('refuses a private address by default (same SSRF guard as preview), without connecting', async () => {
    const { code, stdout } = await runCli(['parse-feed', base]);
    expect(code).toBe(1);
    const line = JSON.parse(stdout.trim()) as { file: string; error?: string };
    expect(line.file).toBe(base);
    expect(line.error).toBeTruthy();
    expect(hits).toBe(0);
  });

  it('fetches it once the config allows that host:port', async () => {
    const config = join(mkdtempSync(join(tmpdir(), 'tw-parse-feed-')), 'allow.yaml');
    writeFileSync(config, `fetch:\n  allowPrivate: ["${new URL(base).host}"]\n`);
    const { code, stdout, stderr } = await runCli(['parse-feed', base, '--config', config]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(JSON.parse(stdout.trim())).toMatchObject({ file: base, kind: 'rss', title: 'Local', items: 1 });
    expect(hits).toBe(1);
  });

  it('still parses local files', async () => {
    const { code, stdout } = await runCli(['parse-feed', new URL('../fixtures/feeds/rss-max-items.xml', import.meta.url).pathname]);
    expect(code).toBe(0);
    expect(JSON.parse(stdout.trim()).items).toBeGreaterThan(0);
  });
});
