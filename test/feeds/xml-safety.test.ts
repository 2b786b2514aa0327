import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TranswireError } from '../../src/domain/errors.ts';
import { parseFeed } from '../../src/feeds/index.ts';

function measure<T>(fn: () => T): { value: T; ms: number; heapMb: number } {
  global.gc?.();
  const heap = process.memoryUsage().heapUsed;
  const start = performance.now();
  const value = fn();
  return { value, ms: performance.now() - start, heapMb: (process.memoryUsage().heapUsed - heap) / 1e6 };
}

function laughs(levels: number, fanout: number): string {
  let decls = '<!ENTITY l0 "lollollollollollollollollollol">';
  for (let i = 1; i <= levels; i++) decls += `<!ENTITY l${i} "${`&l${i - 1};`.repeat(fanout)}">`;
  const ref = `&l${levels};`;
  return `<?xml version="1.0"?><!DOCTYPE rss [${decls}]><rss version="2.0"><channel><title>${ref}</title><item><title>${ref.repeat(100)}</title><description>${ref}</description><link>https://x.example/1</link></item></channel></rss>`;
}

describe('XML safety: no entity expansion, no external entities', () => {
  it('billion laughs (10 levels × 10) parses in < 1 s and < 50 MB with the entities left unexpanded', () => {
    const { value: feed, ms, heapMb } = measure(() => parseFeed(laughs(10, 10), { url: 'https://x.example/feed' }));
    expect(ms).toBeLessThan(1000);
    expect(heapMb).toBeLessThan(50);
    expect(feed.items).toHaveLength(1);
    expect(feed.title).toBe('&l10;');
    expect(feed.warnings.join(' ')).toMatch(/entity declarations ignored/);
  });

  it('quadratic blowup (one 100 KB entity referenced 50,000 times) stays linear', () => {
    const xml = `<!DOCTYPE rss [<!ENTITY a "${'a'.repeat(100_000)}">]><rss><channel><item><title>${'&a;'.repeat(50_000)}</title></item></channel></rss>`;
    const { value: feed, ms, heapMb } = measure(() => parseFeed(xml, { url: 'https://x.example/feed' }));
    expect(ms).toBeLessThan(1000);
    expect(heapMb).toBeLessThan(50);
    expect(feed.items[0]!.title!.length).toBe('&a;'.length * 50_000);
  });

  it('XXE: a SYSTEM entity naming a local file is never read', () => {
    const dir = mkdtempSync(join(tmpdir(), 'xxe-'));
    const secret = join(dir, 'secret.txt');
    writeFileSync(secret, 'TOP-SECRET-MARKER');
    const xml = `<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY xxe SYSTEM "file://${secret}"><!ENTITY % p SYSTEM "file://${secret}"> %p;]>
      <rss version="2.0"><channel><title>&xxe;</title><item><title>&xxe;</title><description>&xxe;</description><guid>1</guid></item></channel></rss>`;
    const feed = parseFeed(xml, { url: 'https://x.example/feed' });
    expect(JSON.stringify(feed)).not.toContain('TOP-SECRET-MARKER');
    expect(feed.items[0]!.title).toBe('&xxe;');
  });

  it('an external DTD or entity on a server is never fetched', async () => {
    let requests = 0;
    const server = createServer((_req, res) => {
      requests++;
      res.end('<!ENTITY evil "pwned">');
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const { port } = server.address() as AddressInfo;
    try {
      const xml = `<!DOCTYPE rss SYSTEM "http://127.0.0.1:${port}/evil.dtd" [<!ENTITY % remote SYSTEM "http://127.0.0.1:${port}/p.dtd"> %remote; <!ENTITY ext SYSTEM "http://127.0.0.1:${port}/e">]>
        <rss><channel><item><title>&evil; &ext;</title><guid>1</guid></item></channel></rss>`;
      const feed = parseFeed(xml, { url: 'https://x.example/feed' });
      await new Promise((r) => setTimeout(r, 100));
      expect(requests).toBe(0);
      expect(feed.items[0]!.title).toBe('&evil; &ext;');
    } finally {
      server.close();
    }
  });

  it('100,000 nested elements neither overflow the stack nor take a second', () => {
    const xml = `<rss><channel><item><title>deep</title><description>${'<div>'.repeat(100_000)}x${'</div>'.repeat(100_000)}</description></item></channel></rss>`;
    const { value: feed, ms } = measure(() => parseFeed(xml, { url: 'https://x.example/feed' }));
    expect(ms).toBeLessThan(1000);
    expect(feed.items[0]!.title).toBe('deep');
    expect(feed.warnings.join(' ')).toMatch(/nested deeper/);
  });

  it('unterminated comment, CDATA, tag and DOCTYPE at the end do not hang', () => {
    for (const tail of ['<!-- never closed', '<![CDATA[ never closed', '<item attr="never closed', '<!DOCTYPE x [ <!ENTITY']) {
      const feed = parseFeed(`<rss><channel><item><title>t</title><guid>g</guid></item>${tail}`, { url: 'https://x.example/' });
      expect(feed.items[0]!.id).toBe('g');
    }
  });

  it('arbitrary input either parses or throws a TranswireError, never anything else', () => {
    const pieces = ['<rss>', '<channel>', '<item>', '</item>', '<title>', '</title>', '&amp;', '&', '<![CDATA[', ']]>', '<!--', '-->', '<!DOCTYPE x [', ']>', '<feed xmlns="http://www.w3.org/2005/Atom">', '<entry>', '<link href="', '"/>', '<', '>', 'text', '{', '"items":[', '<a:b>', '\u0000', '\uFEFF'];
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.constantFrom(...pieces), fc.string()), { maxLength: 40 }), (parts) => {
        try {
          parseFeed(parts.join(''), { url: 'https://x.example/' });
        } catch (err) {
          if (!(err instanceof TranswireError)) throw err;
        }
      }),
      { numRuns: 1000 },
    );
  });
});
