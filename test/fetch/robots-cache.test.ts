import { describe, expect, it } from 'vitest';
import { createRobotsPolicy, type HttpClient } from '../../src/fetch/index.ts';

/** An HttpClient that serves an allow-all robots.txt and counts what it was asked for. */
function countingHttp(): { http: HttpClient; asked: string[] } {
  const asked: string[] = [];
  const http = {
    async get(url: string) {
      asked.push(new URL(url).origin);
      return { status: 200, url, headers: {}, body: Buffer.from('User-agent: *\nAllow: /\n'), retryAfter: null };
    },
    abort() {},
    async close() {},
  } as unknown as HttpClient;
  return { http, asked };
}

describe('robots.txt cache', () => {
  it('forgets the origin used least recently, not the one fetched first', async () => {
    const { http, asked } = countingHttp();
    const robots = createRobotsPolicy({ http, userAgent: 'transwire-test', maxOrigins: 2 });
    await robots.isAllowed('https://a.example/1');
    await robots.isAllowed('https://b.example/1');
    await robots.isAllowed('https://a.example/2'); // a is in use again
    await robots.isAllowed('https://c.example/1'); // over the bound: b goes
    await robots.isAllowed('https://a.example/3');
    expect(asked).toEqual(['https://a.example', 'https://b.example', 'https://c.example']);
  });
});
