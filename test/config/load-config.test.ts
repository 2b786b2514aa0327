import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, parseConfig } from '../../src/config/load-config.ts';
import { maskSecrets } from '../../src/config/mask-secrets.ts';

function problems(raw: unknown): string[] {
  try {
    parseConfig(raw);
  } catch (err) {
    if (err instanceof ConfigError) return err.problems;
    throw err;
  }
  return [];
}

describe('config', () => {
  it('has working defaults: Spanish site, Apertium en→es, PGlite in ./data', () => {
    const c = parseConfig({});
    expect(c.site.languages).toEqual(['es']);
    expect(c.translation.chains).toEqual({ 'en-es': ['apertium'] });
    expect(c.database).toEqual({ url: null, dataDir: './data/db' });
    expect(Object.isFrozen(c.site)).toBe(true);
  });

  it.each([
    [{ sources: [{ url: 'http://a.example/' }, { url: 'http://b.example/' }, { url: 'nope' }] }, 'sources[2].url: not a URL'],
    [{ site: { languages: ['english'] } }, 'site.languages[0]: not a language code (en, es, ar…)'],
    [{ server: { port: 'eighty' } }, 'server.port:'],
    [{ translation: { engines: { x: { kind: 'babelfish' } } } }, 'translation.engines.x.kind:'],
    [{ sitee: {} }, 'sitee: unknown setting (did you mean "site"?)'],
  ])('names the key and the problem: %j', (raw, expected) => {
    expect(problems(raw).join('\n')).toContain(expected);
  });

  it('reads the file and lets DATABASE_URL, PORT and HOST override it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tw-config-'));
    const file = join(dir, 'transwire.yaml');
    writeFileSync(file, 'server:\n  port: 9000\nsite:\n  name: Noticias\n');
    const c = loadConfig({ path: file, env: { PORT: '9100', HOST: '0.0.0.0', DATABASE_URL: 'postgres://u:pw@db/tw' } });
    expect(c.site.name).toBe('Noticias');
    expect(c.server).toEqual({ host: '0.0.0.0', port: 9100, trustProxy: false });
    expect(c.database.url).toBe('postgres://u:pw@db/tw');
    expect(() => loadConfig({ path: join(dir, 'missing.yaml'), env: {} })).toThrow('file not found');
  });

  it('masks secrets and passwords in URLs when printed', () => {
    const masked = maskSecrets({ database: { url: 'postgres://u:hunter2@db/tw' }, translation: { engines: { deepl: { kind: 'deepl', apiKey: 'abc' } } } });
    expect(JSON.stringify(masked)).not.toMatch(/hunter2|"abc"/);
    expect(JSON.stringify(masked)).toContain('postgres://u:********@db/tw');
  });
});
