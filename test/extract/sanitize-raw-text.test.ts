import sanitize from 'sanitize-html';
import { describe, expect, it } from 'vitest';
import { sanitizeHtml } from '../../src/extract/index.ts';

const BASE = 'https://news.example/a';

// Raw-text elements reach the sanitizer as one text node: dropping the tag but keeping that text
// re-emits the markup inside it. Their content must go with them.
describe('sanitizeHtml drops the content of raw-text elements', () => {
  it.each(['xmp', 'noembed', 'noframes', 'script', 'style', 'textarea', 'iframe'])('<%s>', (tag) => {
    const out = sanitizeHtml(`<p>before</p><${tag}><script>alert(1)</script><img src=x onerror=alert(2)></${tag}><p>after</p>`, BASE);
    expect(out).not.toMatch(/alert|onerror|<script|&lt;script/i);
    expect(out).toContain('before');
    expect(out).toContain('after');
  });

  it('drops the text of every tag the library itself drops by default', () => {
    // sanitize-html does not export its default nonTextTags: compare behaviour with its defaults.
    for (const tag of ['script', 'style', 'textarea', 'option', 'xmp', 'noembed', 'noframes', 'noscript', 'title', 'iframe', 'object', 'template']) {
      const html = `<div><${tag}>SECRET</${tag}></div>`;
      const libraryDrops = !sanitize(html, { allowedTags: ['div'] }).includes('SECRET');
      if (libraryDrops) expect(sanitizeHtml(html, BASE), tag).not.toContain('SECRET');
    }
  });
});
