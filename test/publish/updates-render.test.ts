import { describe, expect, it } from 'vitest';
import type { SourceChanges } from '../../src/domain/source-changes.ts';
import { describeChanges, renderSourceNotes } from '../../src/publish/render-updates.ts';
import { compareSourceVersions } from '../../src/translate/source-changes.ts';

// Issue 12 §4: what a source changed, in a reader's words, and the notes on our article page.

const text = (...ps: string[]) => ps.join('\n\n');
const none: SourceChanges = { headlineChanged: false, paragraphsAdded: 0, paragraphsChanged: 0, paragraphsRemoved: 0, figures: [] };

describe('compareSourceVersions', () => {
  const cases: Array<[string, { title: string; text: string }, { title: string; text: string }, string, Partial<SourceChanges>]> = [
    ['a paragraph added at the end', { title: 'T', text: text('a', 'b') }, { title: 'T', text: text('a', 'b', 'c') }, 'en', { paragraphsAdded: 1 }],
    ['a paragraph added in the middle', { title: 'T', text: text('a', 'b') }, { title: 'T', text: text('a', 'x', 'b') }, 'en', { paragraphsAdded: 1 }],
    ['a paragraph removed', { title: 'T', text: text('a', 'b', 'c') }, { title: 'T', text: text('a', 'c') }, 'en', { paragraphsRemoved: 1 }],
    ['a figure corrected', { title: 'T', text: text('a', '50 soldiers were killed.', 'c') }, { title: 'T', text: text('a', '105 soldiers were killed.', 'c') }, 'en',
      { paragraphsChanged: 1, figures: [{ from: 50, to: 105 }] }],
    ['figures read in the source notation', { title: 'T', text: text('Unos 2.000 heridos y 1,5 millones.') }, { title: 'T', text: text('Unos 2.500 heridos y 1,5 millones.') }, 'es',
      { paragraphsChanged: 1, figures: [{ from: 2000, to: 2500 }] }],
    ['the headline changed, with its figure', { title: '50 killed in attack', text: text('a') }, { title: '105 killed in attack', text: text('a') }, 'en',
      { headlineChanged: true, figures: [{ from: 50, to: 105 }] }],
    ['white space only is no change', { title: 'T', text: text('a  b', 'c') }, { title: 'T ', text: text('a b', '  c') }, 'en', {}],
    ['a changed and an added paragraph in one place', { title: 'T', text: text('a', 'b', 'z') }, { title: 'T', text: text('a', 'b2', 'b3', 'z') }, 'en',
      { paragraphsChanged: 1, paragraphsAdded: 1 }],
  ];
  it.each(cases)('%s', (_name, before, after, lang, expected) => {
    expect(compareSourceVersions(before, after, lang)).toEqual({ ...none, ...expected });
  });
});

describe('the notes on the article page', () => {
  const at = new Date('2026-12-04T10:30:00Z');
  const changes: SourceChanges = { ...none, paragraphsAdded: 2, paragraphsChanged: 1, figures: [{ from: 50, to: 105 }, { from: 2000, to: 2500 }] };

  it('lists what changed in the page language, with figures in its notation', () => {
    expect(describeChanges('en', changes)).toBe('2 paragraphs added, 1 paragraph changed, and figures changed: <bdi dir="ltr">50 → 105</bdi>, <bdi dir="ltr">2,000 → 2,500</bdi>');
    expect(describeChanges('es', changes)).toBe('2 párrafos añadidos, 1 párrafo modificado y cifras cambiadas: <bdi dir="ltr">50 → 105</bdi>, <bdi dir="ltr">2000 → 2500</bdi>');
    expect(describeChanges('de', { ...none, headlineChanged: true })).toBe('Überschrift geändert');
    expect(describeChanges('en', none)).toBe('minor changes');
  });

  it('escapes a figure kept as written', () => {
    expect(describeChanges('en', { ...none, figures: [{ from: '<b>1', to: '2&' }] })).toContain('&lt;b&gt;1 → 2&amp;');
  });

  it('renders nothing while the source neither changed nor went', () => {
    expect(renderSourceNotes({ lang: 'en', sourceUpdates: [], sourceGoneAt: null })).toBe('');
    expect(renderSourceNotes({ lang: 'en' })).toBe('');
  });

  it('says the original is gone, dated, above the updates, newest first', () => {
    const html = renderSourceNotes({
      lang: 'en',
      sourceGoneAt: new Date('2026-12-05T08:00:00Z'),
      sourceUpdates: [{ at: new Date('2026-12-04T12:00:00Z'), changes: { ...none, paragraphsRemoved: 1 } }, { at, changes }],
    });
    expect(html).toMatch(/^<div class="corrections source-notes" role="note" aria-label="Changes at the source">/);
    expect(html).toContain('<p class="correction source-gone"><strong>The original article is no longer available at the source, as of <time datetime="2026-12-05T08:00:00.000Z">Dec 5, 2026</time>.</strong></p>');
    const notes = [...html.matchAll(/<p class="correction source-update">(.*?)<\/p>/g)].map((m) => m[1]);
    expect(notes).toEqual([
      'Updated <time datetime="2026-12-04T12:00:00.000Z">December 4, 2026 at 12:00 PM UTC</time>: the source changed this story (1 paragraph removed).',
      'Updated <time datetime="2026-12-04T10:30:00.000Z">December 4, 2026 at 10:30 AM UTC</time>: the source changed this story (2 paragraphs added, 1 paragraph changed, and figures changed: <bdi dir="ltr">50 → 105</bdi>, <bdi dir="ltr">2,000 → 2,500</bdi>).',
    ]);
  });

  it('writes Arabic counts that read right in any plural form', () => {
    expect(renderSourceNotes({ lang: 'ar', sourceUpdates: [{ at, changes: { ...none, paragraphsAdded: 3 } }] })).toContain('فقرات مضافة: 3');
  });
});
