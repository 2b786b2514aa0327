import { parseHTML } from 'linkedom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { operationsRoutes } from '../../src/admin/operations/operations-routes.ts';
import { createLiveSettings, type LiveSettings } from '../../src/jobs/live-settings.ts';
import { decideVerdict } from '../../src/publish/policy.ts';
import type { Db } from '../../src/store/db.ts';
import { upsertSource } from '../../src/store/sources.ts';
import { createApertiumEngine } from '../../src/translate/engines/apertium/apertium-engine.ts';
import { createInMemoryTranslationMemory, createTranslator, type Translator } from '../../src/translate/index.ts';
import type { FidelityReport } from '../../src/domain/translation.ts';
import { requireApertiumPair } from '../helpers/require-tool.ts';
import { openTestDb } from '../helpers/test-db.ts';
import { opsHarness, type OpsHarness } from './operations-context.ts';
import { HOSTILE, inert } from './operations-seed.ts';

let db: Db;
let ops: OpsHarness;
let live: LiveSettings;
let translator: Translator;
const CONFIG = {
  site: { languages: ['es'] },
  translation: { glossary: [{ term: 'Harbour Board', map: { es: 'Junta del Puerto' } }] },
  publish: { policy: { warning: 'publish-flagged', sources: {} } },
};

beforeAll(async () => {
  requireApertiumPair('eng-spa');
  db = await openTestDb();
  ops = opsHarness(db, operationsRoutes, { config: CONFIG });
  // What app.ts wires: the config's glossary and policy with the console's over them (no cache here).
  live = createLiveSettings({ db, glossary: ops.config.translation.glossary, policy: ops.config.publish.policy ?? {}, ttlMs: 0 });
  translator = createTranslator({ engines: new Map([['apertium', createApertiumEngine()]]), chains: { 'en-es': ['apertium'] }, memory: createInMemoryTranslationMemory(), glossary: live.glossary });
}, 180_000);
afterAll(async () => {
  await translator?.close();
  await db?.close();
});

const translate = async (text: string) => (await translator.translateArticle({ title: text, excerpt: null, html: `<p>${text}</p>` }, 'en', 'es')).html;
const WARNING: FidelityReport = { ok: true, findings: [{ check: 'numbers', severity: 'warning', segment: 0, detail: '3 → 4' }] } as FidelityReport;

describe('glossary edited in the console', () => {
  let id: number;

  it('an added entry changes the next translation, and so does an edit of it', async () => {
    const text = 'The Northwind Council met the Harbour Board on Monday.';
    const before = await translate(text);
    expect(before).toContain('Junta del Puerto'); // the config's entry
    expect(before).not.toContain('Consejo de Vientonorte');
    const res = await ops.call('POST', '/admin/glossary', { form: { pair: 'en-es', term: 'Northwind Council', rendering: 'Consejo de Vientonorte', caseSensitive: 'on' } });
    expect(res.status).toBe(303);
    expect(await translate(text)).toContain('Consejo de Vientonorte');
    id = (await db.query<{ id: number }>(`SELECT id FROM glossary_entries WHERE term = 'Northwind Council'`)).rows[0]!.id;
    expect(ops.audits.at(-1)).toMatchObject({ action: 'glossary.put', target: `glossary:${id}`, before: null, after: { pair: 'en-es', term: 'Northwind Council', rendering: 'Consejo de Vientonorte' } });
    await ops.call('POST', `/admin/glossary/${id}`, { form: { rendering: 'Consejo Vientonorte', caseSensitive: 'on' } });
    const after = await translate(text);
    expect(after).toContain('Consejo Vientonorte');
    expect(after).not.toContain('Consejo de Vientonorte');
    expect(ops.audits.at(-1)).toMatchObject({ action: 'glossary.edit', before: { rendering: 'Consejo de Vientonorte' }, after: { rendering: 'Consejo Vientonorte' } });
  }, 60_000);

  it('an entry wins over the config file’s for the same term; an empty rendering keeps the term as is', async () => {
    await ops.call('POST', '/admin/glossary', { form: { pair: 'en-es', term: 'Harbour Board', rendering: '', caseSensitive: 'on' } });
    expect(await translate('The Harbour Board met on Monday.')).toContain('Harbour Board');
  }, 60_000);

  it('an entry for one pair does not touch another', async () => {
    expect(await live.glossary('en', 'ca')).toEqual(ops.config.translation.glossary);
  });

  it('refuses what the config would refuse, saying why', async () => {
    const res = await ops.call('POST', '/admin/glossary', { form: { pair: 'en-es', term: '', rendering: 'x' } });
    expect(res.status).toBe(400);
    expect(parseHTML(await res.text()).document.querySelector('.error-message')!.textContent).toContain('glossary.term');
    expect((await ops.call('POST', '/admin/glossary', { form: { pair: 'english-es', term: 'x' } })).status).toBe(400);
  });

  it('lists the pair’s entries and the config’s; hostile terms are inert; a viewer gets no form', async () => {
    await ops.call('POST', '/admin/glossary', { form: { pair: 'en-es', term: `Evil ${HOSTILE}`, rendering: `Malo ${HOSTILE}` } });
    const body = await (await ops.call('GET', '/admin/glossary?pair=en-es', { role: 'viewer' })).text();
    expect(inert(body)).toEqual([]);
    const doc = parseHTML(body).document;
    expect([...doc.querySelectorAll('tbody tr td:first-child')].map((td) => td.textContent)).toEqual(['Evil ' + HOSTILE, 'Harbour Board', 'Northwind Council']);
    expect(doc.querySelector('form[method="post"]:not([action="/admin/logout"])')).toBeNull();
  });

  it('removes an entry, audited', async () => {
    await ops.call('POST', `/admin/glossary/${id}/remove`, { form: {} });
    expect((await db.query('SELECT 1 FROM glossary_entries WHERE id = $1', [id])).rowCount).toBe(0);
    expect(ops.audits.at(-1)).toMatchObject({ action: 'glossary.remove', before: { term: 'Northwind Council' } });
  });
});

describe('publish policy edited in the console', () => {
  it('a site override changes the verdict the pipeline reads; clearing it restores the config’s', async () => {
    expect(decideVerdict(WARNING, await live.policy(), { site: 'es' }).verdict).toBe('publish-flagged');
    const res = await ops.call('POST', '/admin/policy', { form: { scope: 'site', key: 'es', warning: 'hold', error: '', info: '' } });
    expect(res.status).toBe(303);
    expect(decideVerdict(WARNING, await live.policy(), { site: 'es' }).verdict).toBe('hold');
    expect(ops.audits.at(-1)).toMatchObject({ action: 'policy.set', target: 'policy:site:es', before: null, after: { warning: 'hold' } });
    await ops.call('POST', '/admin/policy/remove', { form: { scope: 'site', key: 'es' } });
    expect(decideVerdict(WARNING, await live.policy(), { site: 'es' }).verdict).toBe('publish-flagged');
  });

  it('a source override (by id) applies to that source’s URL, as the translate job asks, with its rules', async () => {
    const source = await upsertSource(db, { url: 'https://strict.example/feed.xml', name: `Strict ${HOSTILE}` });
    const form = new URLSearchParams({ scope: 'source', key: String(source.id), error: '', warning: '', info: '' });
    for (const [check, severity, atLeast, verdict] of [['numbers', 'warning', '1', 'hold'], ['', '', '1', '']]) {
      form.append('rule_check', check!); form.append('rule_severity', severity!); form.append('rule_atLeast', atLeast!); form.append('rule_verdict', verdict!);
    }
    expect((await ops.call('POST', '/admin/policy', { form })).status).toBe(303);
    const policy = await live.policy();
    expect(decideVerdict(WARNING, policy, { site: 'es', source: source.url }).verdict).toBe('hold');
    expect(decideVerdict(WARNING, policy, { site: 'es', source: 'https://other.example/feed.xml' }).verdict).toBe('publish-flagged');
    const body = await (await ops.call('GET', '/admin/policy', { role: 'viewer' })).text();
    expect(inert(body)).toEqual([]);
    expect(body).toContain('numbers (warning) ×1 → hold');
  });

  it('refuses a level the config would refuse', async () => {
    const res = await ops.call('POST', '/admin/policy', { form: { scope: 'site', key: 'es', warning: 'maybe' } });
    expect(res.status).toBe(400);
    expect(parseHTML(await res.text()).document.querySelector('.error-message')!.textContent).toContain('publish.policy.warning');
    expect((await ops.call('POST', '/admin/policy', { form: { scope: 'site', key: 'fr', warning: 'hold' } })).status).toBe(400);
    expect((await ops.call('POST', '/admin/policy', { form: { scope: 'nowhere', key: '', warning: 'hold' } })).status).toBe(400);
  });
});
