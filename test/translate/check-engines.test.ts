import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/app.ts';
import { parseConfig } from '../../src/config/load-config.ts';
import { createLogger } from '../../src/logger.ts';
import { apertiumFix, apertiumPackage, checkEngines } from '../../src/translate/check-engines.ts';
import { requireApertiumPair } from '../helpers/require-tool.ts';

// A LibreTranslate on 127.0.0.1 that offers en→es and en→de only (a remote engine, so a fake).
let libre: Server;
let libreUrl: string;

beforeAll(async () => {
  requireApertiumPair('eng-spa');
  libre = createServer((req, res) => {
    if (req.url === '/languages') {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify([{ code: 'en', targets: ['es', 'de'] }, { code: 'es', targets: ['en'] }]));
    } else res.writeHead(404).end();
  });
  await new Promise<void>((r) => libre.listen(0, '127.0.0.1', r));
  libreUrl = `http://127.0.0.1:${(libre.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((r) => libre.close(r));
});

const apertium = { apertium: { kind: 'apertium' as const } };

describe('checkEngines with the real Apertium', () => {
  it('passes the default set-up: en→es by Apertium', async () => {
    const check = await checkEngines({ engines: apertium, chains: { 'en-es': ['apertium'] }, targets: ['es'], sources: [] });
    expect(check).toMatchObject({ ok: true, problems: [], pairs: [{ from: 'en', to: 'es', routes: ['apertium'] }] });
  });

  it('refuses a site language no engine reaches, with the package to install and the config key', async () => {
    const check = await checkEngines({ engines: apertium, chains: { 'en-es': ['apertium'] }, targets: ['es', 'fr'], sources: [] });
    expect(check.ok).toBe(false);
    expect(check.problems).toHaveLength(1);
    const [problem] = check.problems;
    expect(problem).toContain('no engine translates en→fr (site.languages has "fr")');
    // Debian has no en-fr pair: fr-es makes en→fr through es.
    expect(problem).toContain('apt-get install -y apertium-fr-es');
    expect(problem).toContain('translation.chains["en-fr"]');
  });

  it('refuses a chain naming an engine that is not configured', async () => {
    const check = await checkEngines({ engines: apertium, chains: { 'en-es': ['apertium', 'deepl'] }, targets: ['es'], sources: [] });
    expect(check.ok).toBe(false);
    expect(check.problems).toEqual(['translation.chains["en-es"]: chain for en-es names unknown engine "deepl" (configured engines: apertium)']);
  });

  it('checks each declared source language, and a malformed chain key', async () => {
    const check = await checkEngines({ engines: apertium, chains: { 'en-es': ['apertium'], english: ['apertium'] }, targets: ['es'], sources: ['en', 'eu'] });
    expect(check.problems).toEqual([
      'translation.chains["english"]: not a language pair (write "en-es", or "*" for every pair)',
      expect.stringMatching(/^translation: no engine translates eu→es .*apt-get install -y apertium-eu-es/),
    ]);
  });

  it('says how to install Apertium when it is not there', async () => {
    const check = await checkEngines({ engines: { apertium: { kind: 'apertium', dataDir: '/nonexistent/apertium' } }, chains: { 'en-es': ['apertium'] }, targets: ['es'], sources: [] });
    expect(check.ok).toBe(false);
    expect(check.problems[0]).toContain('apt-get install -y apertium-eng-spa');
  });
});

describe('checkEngines with a remote engine', () => {
  it('uses the languages it lists: a pair it lacks is refused', async () => {
    const engines = { libre: { kind: 'libretranslate' as const, url: libreUrl } };
    expect((await checkEngines({ engines, chains: {}, targets: ['es', 'de'], sources: ['en'] })).ok).toBe(true);
    const check = await checkEngines({ engines, chains: {}, targets: ['it'], sources: ['en'] });
    expect(check.problems).toEqual([expect.stringContaining('no engine translates en→it')]);
  });

  it('takes one that does not answer as able (it may recover), and says so', async () => {
    const engines = { libre: { kind: 'libretranslate' as const, url: 'http://127.0.0.1:9' } };
    const check = await checkEngines({ engines, chains: { 'en-es': ['libre'] }, targets: ['es'], sources: [], probeTimeoutMs: 2000 });
    expect(check).toMatchObject({ ok: true, unknown: ['libre'] });
  });
});

describe('Debian packages', () => {
  it.each([
    ['en', 'es', 'apertium-eng-spa'],
    ['es', 'en', 'apertium-eng-spa'],
    ['ca', 'en', 'apertium-eng-cat'],
    ['fr', 'es', 'apertium-fr-es'],
    ['en', 'fr', null],
  ])('%s↔%s: %s', (from, to, pkg) => {
    expect(apertiumPackage(from, to)).toBe(pkg);
  });

  it('finds a pivot when no package has the pair, counting what is installed', () => {
    const installed = [{ from: 'en', to: 'es' }, { from: 'es', to: 'en' }];
    expect(apertiumFix('en', 'pt', installed)).toEqual({ packages: ['apertium-es-pt'], via: 'es' });
    expect(apertiumFix('en', 'pt', [])).toEqual({ packages: ['apertium-eng-spa', 'apertium-es-pt'], via: 'es' });
    expect(apertiumFix('en', 'ja', installed)).toBeNull();
  });
});

describe('start', () => {
  it('refuses to start workers with a site language no engine reaches, before anything runs', async () => {
    const config = parseConfig({
      site: { languages: ['es', 'fr'] },
      server: { host: '127.0.0.1', port: 0 },
      database: { dataDir: 'memory://' },
    });
    const app = await createApp(config, { log: createLogger({ level: 'silent' }) });
    try {
      await expect(app.start(['scheduler', 'worker', 'web'])).rejects.toThrow(/^translation: no engine translates en→fr .*apt-get install -y apertium-fr-es/);
    } finally {
      await app.close();
    }
  }, 120_000);
});
