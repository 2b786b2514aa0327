import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { configRows, renderConfigDocs } from '../../src/config/config-docs.ts';
import { parseConfig } from '../../src/config/load-config.ts';

describe('docs/configuration.md', () => {
  it('is what the schema generates (run `npm run docs:config` after changing the schema)', () => {
    const committed = readFileSync(new URL('../../docs/configuration.md', import.meta.url), 'utf8');
    expect(committed).toBe(renderConfigDocs());
  });

  it('documents every key with a description, and the defaults are the schema\'s', () => {
    const rows = configRows();
    expect(rows.filter((r) => !r.description)).toEqual([]);
    const keys = rows.map((r) => r.key);
    expect(keys).toEqual(expect.arrayContaining(['fetch.allowPrivate', 'publish.policy', 'publish.policy.rules[].verdict', 'log.format', 'database.dataDir']));
    const defaults = parseConfig({});
    const row = (key: string) => rows.find((r) => r.key === key)!;
    expect(row('server.port').default).toBe(`\`${defaults.server.port}\``);
    expect(row('worker.concurrency').default).toBe(`\`${defaults.worker.concurrency}\``);
    expect(row('fetch.allowPrivate').description).toMatch(/host:port/);
  });
});
