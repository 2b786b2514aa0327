import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/store/db.ts';
import { createSiteApp, type SiteApp } from '../../src/web/site-app.ts';
import { openTestDb, seedSite, SITE, type Seeded } from './seed-site.ts';

let db: Db;
let app: SiteApp;
let seeded: Seeded;

beforeAll(async () => {
  db = await openTestDb();
  seeded = await seedSite(db);
  app = createSiteApp({ db, site: SITE });
  await app.start();
});
afterAll(async () => {
  await app.close();
  await db.close();
});

const get = (path: string, headers: Record<string, string> = {}) => app.fetch(new Request(`http://site.test${path}`, { headers }));

describe('paths no page can have', () => {
  it.each(['/es/%00', '/robots.txt%00', '/es/%00/x', '/es/topic/%00', '/es/2026/11/%00', '/%0a', '/es/%7f'])('%s is a 404, not a 500', async (path) => {
    const res = await get(path);
    expect(res.status).toBe(404);
    expect(res.headers.get('cache-control')).toBe('no-store');
  });
});

describe('conditional requests', () => {
  it('ignores an If-Modified-Since in the future (RFC 9110 13.1.3) and still honours a current one', async () => {
    const first = await get(seeded.pubs.get('port:es')!.path);
    const lastModified = first.headers.get('last-modified')!;
    expect((await get(seeded.pubs.get('port:es')!.path, { 'if-modified-since': lastModified })).status).toBe(304);
    const future = await get(seeded.pubs.get('port:es')!.path, { 'if-modified-since': 'Fri, 01 Jan 2100 00:00:00 GMT' });
    expect(future.status).toBe(200);
    expect((await future.text()).length).toBeGreaterThan(1000);
  });
});

describe('HSTS', () => {
  it.each(['port:es', '/es/', '/es/nothing-here', '/es/search?q=puerto', '/robots.txt'])('is sent on %s when the base URL is https', async (p) => {
    const res = await get(p.startsWith('/') ? p : seeded.pubs.get(p)!.path);
    expect(res.headers.get('strict-transport-security')).toBe('max-age=31536000');
  });

  it('is not sent when the base URL is http', async () => {
    const plain = createSiteApp({ db, site: { ...SITE, baseUrl: 'http://news.example' } });
    await plain.start();
    try {
      for (const p of [seeded.pubs.get('port:es')!.path, '/es/nothing-here', '/es/search?q=puerto']) {
        const res = await plain.fetch(new Request(`http://site.test${p}`));
        expect(res.headers.get('strict-transport-security')).toBeNull();
      }
    } finally {
      await plain.close();
    }
  });
});
