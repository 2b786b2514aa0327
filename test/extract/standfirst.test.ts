import { describe, expect, it } from 'vitest';
import { extractArticle, sanitizeHtml } from '../../src/extract/index.ts';
import { joinSegments, segmentHtml } from '../../src/translate/segmenter.ts';

const DEK = 'Six months of repairs end early, and buses return to the bridge on Monday.';
const P1 = 'The harbour bridge reopened to traffic on Friday morning after six months of repairs to its corroded steel deck, the city council said.';
const P2 = 'The work cost 14.5 million euros, about 1.2 million less than planned, and the contractor finished three weeks ahead of schedule.';
const URL_ = 'https://courier.example/news/bridge';
const page = (story: string, head = ''): string => `<!doctype html><html><head><title>Bridge reopens</title>${head}</head><body><article>${story}</article></body></html>`;
const rest = `<p>${P1}</p><p>${P2}</p>`;

describe('the standfirst is marked <p class="standfirst">', () => {
  it.each([
    { name: 'a standfirst class (BEM)', story: `<h1>Bridge reopens</h1><p class="article__standfirst">${DEK}</p>${rest}` },
    { name: 'a dek wrapper holding only it', story: `<h1>Bridge reopens</h1><div class="c-dek"><p>${DEK}</p></div>${rest}` },
    { name: 'a lede class', story: `<h1>Bridge reopens</h1><p class="lede">${DEK}</p>${rest}` },
    { name: 'a classed paragraph right under the headline', story: `<h1>Bridge reopens</h1><p class="text-xl font-serif">${DEK}</p>${rest}` },
    { name: 'a paragraph in the headline group', story: `<hgroup><h1>Bridge reopens</h1><p>${DEK}</p></hgroup>${rest}` },
    { name: 'og:description word for word', story: `<h1>Bridge reopens</h1><p>${DEK}</p>${rest}`, head: `<meta property="og:description" content="${DEK}">` },
  ])('$name', ({ story, head }) => {
    const a = extractArticle(page(story, head), URL_);
    expect(a.html.split('\n')[0]).toBe(`<p class="standfirst">${DEK}</p>`);
    // Only the standfirst: the paragraphs after it stay paragraphs.
    expect(a.html.match(/class=/g)).toHaveLength(1);
    // It is still text of the story, first.
    expect(a.text.split('\n\n')[0]).toBe(DEK);
  });

  it.each([
    { name: 'an ordinary first paragraph', story: `<h1>Bridge reopens</h1><p>${DEK}</p>${rest}` },
    { name: 'a description that only begins the paragraph (an automatic excerpt)', story: `<h1>Bridge reopens</h1><p>${P1}</p><p>${P2}</p><p>${DEK}</p>`, head: `<meta name="description" content="${P1.slice(0, 80)}">` },
    { name: 'a story of one paragraph', story: `<h1>Bridge reopens</h1><p class="standfirst">${P1}</p>` },
    { name: 'a caption inside a lead-image box', story: `<h1>Bridge reopens</h1><div class="lead-image"><p>${DEK}</p></div>${rest}` },
    { name: 'a quotation', story: `<h1>Bridge reopens</h1><blockquote class="standfirst"><p>${DEK}</p></blockquote>${rest}` },
  ])('not marked: $name', ({ story, head }) => {
    expect(extractArticle(page(story, head), URL_).html).not.toContain('standfirst');
  });

  it('is translated like a paragraph and keeps its class', () => {
    const a = extractArticle(page(`<h1>Bridge reopens</h1><p class="standfirst">${DEK}</p>${rest}`), URL_);
    const { segments, skeleton } = segmentHtml(a.html);
    expect(segments).toEqual([DEK, P1, P2]);
    const out = joinSegments(skeleton, segments.map((s) => s.toUpperCase()));
    expect(out.split('\n')[0]).toBe(`<p class="standfirst">${DEK.toUpperCase()}</p>`);
  });
});

describe('the sanitizer keeps exactly one class, standfirst, on paragraphs', () => {
  it.each([
    ['<p class="standfirst">Dek</p>', '<p class="standfirst">Dek</p>'],
    ['<p class="standfirst big" style="color:red" onclick="x()">Dek</p>', '<p class="standfirst">Dek</p>'],
    ['<p class="lead">Dek</p>', '<p>Dek</p>'],
    ['<p class="standfirst&quot; onmouseover=&quot;x()">Dek</p>', '<p>Dek</p>'],
    ['<span class="standfirst">Dek</span>', '<span>Dek</span>'],
    ['<h2 class="standfirst">Dek</h2>', '<h2>Dek</h2>'],
  ])('%s → %s', (input, want) => {
    const once = sanitizeHtml(input, URL_);
    expect(once).toBe(want);
    expect(sanitizeHtml(once, URL_)).toBe(once);
  });
});
