import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseArticle } from '../../src/cli/cluster.ts';
import { sitemapLastmods } from '../../src/jobs/handlers/poll-source.ts';
import { parseHttpDate } from '../../src/shared/http-date.ts';
import { parseRetryAfter } from '../../src/shared/retry-after.ts';
import { encodePageSync, toServed } from '../../src/web/encode-page.ts';
import { serve } from '../../src/web/site-app.ts';

// Dates read from outside (HTTP headers, sitemaps, files) mean the same instant on every machine.
// This file runs in a zone far from UTC whatever the run's TZ is: Node applies a change of
// process.env.TZ at once, so a `Date.parse` of a zone-less string left anywhere reads 5 hours off.
let saved: string | undefined;
beforeAll(() => {
  saved = process.env.TZ;
  process.env.TZ = 'America/New_York';
  // The premise: this process now reads zone-less dates 5 hours off UTC.
  expect(new Date(2024, 2, 5, 10).toISOString()).toBe('2024-03-05T15:00:00.000Z');
});
afterAll(() => {
  if (saved === undefined) delete process.env.TZ;
  else process.env.TZ = saved;
});

const NOV_6_1994 = Date.UTC(1994, 10, 6, 8, 49, 37);

describe('parseHttpDate: the three forms RFC 9110 names, all GMT', () => {
  it.each([
    ['Sun, 06 Nov 1994 08:49:37 GMT', NOV_6_1994],
    ['Sunday, 06-Nov-94 08:49:37 GMT', NOV_6_1994],
    ['Sun Nov  6 08:49:37 1994', NOV_6_1994],
    ['Sun Nov 6 08:49:37 1994', NOV_6_1994],
    ['1994-11-06T08:49:37Z', null],
    ['yesterday', null],
    ['', null],
  ])('%j → %s', (input, want) => {
    expect(parseHttpDate(input)).toBe(want);
  });

  it('Retry-After in asctime form is GMT too', () => {
    expect(parseRetryAfter('Sun Nov  6 08:49:37 1994', new Date(0))?.getTime()).toBe(NOV_6_1994);
  });
});

describe('If-Modified-Since (web)', () => {
  // A page last modified at 12:00 GMT; the client says "I have the copy of 10:00" in each form.
  const enc = encodePageSync({ path: '/es/x', lang: 'es', kind: 'article', status: 200, contentType: 'text/html; charset=utf-8', body: '<p>x</p>', lastModified: new Date('2024-03-05T12:00:00Z') });
  const page = toServed({ ...enc, version: 1, rendered_at: new Date('2024-03-05T12:00:00Z') });
  const ask = (ims: string) => serve(page, { method: 'GET', path: '/es/x', query: new URLSearchParams(), header: (n) => (n === 'if-modified-since' ? ims : undefined) }).status;

  it.each([
    ['Tue, 05 Mar 2024 10:00:00 GMT', 200],
    ['Tuesday, 05-Mar-24 10:00:00 GMT', 200],
    ['Tue Mar  5 10:00:00 2024', 200],
    ['Tue, 05 Mar 2024 12:00:00 GMT', 304],
    ['Tuesday, 05-Mar-24 12:00:00 GMT', 304],
    ['Tue Mar  5 12:00:00 2024', 304],
    ['Tue Mar  5 16:00:00 2024', 304],
  ])('%j → %i', (ims, status) => {
    expect(ask(ims)).toBe(status);
  });
});

describe('a sitemap index entry’s zone-less <lastmod> (W3C Datetime: UTC)', () => {
  it('reads 2024-03-05T10:00:00 as 10:00 UTC', () => {
    const xml = '<sitemapindex><sitemap><loc>https://s.example/a.xml</loc><lastmod>2024-03-05T10:00:00</lastmod></sitemap></sitemapindex>';
    expect(sitemapLastmods(xml, 'https://s.example/').get('https://s.example/a.xml')).toBe(Date.UTC(2024, 2, 5, 10));
  });
});

describe('transwire cluster: an article’s zone-less `published`', () => {
  it('reads 2024-03-05T10:00:00 as 10:00 UTC', () => {
    const a = parseArticle(JSON.stringify({ id: 'a', lang: 'en', title: 'T', published: '2024-03-05T10:00:00' }));
    expect(a.published?.toISOString()).toBe('2024-03-05T10:00:00.000Z');
  });

  it('still refuses what is not a date', () => {
    expect(() => parseArticle(JSON.stringify({ id: 'a', lang: 'en', title: 'T', published: 'soon' }))).toThrow(/published: not a date/);
  });
});
