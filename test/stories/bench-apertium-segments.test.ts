import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apertiumSegments } from '../../bench/lib/stories-apertium.ts';
import { requireApertiumPair } from '../helpers/require-tool.ts';

/**
 * bench:stories translates thousands of paragraphs in batches; a batch whose answers shift by one
 * (what Apertium's line-based text mode did to multi-sentence paragraphs) silently scrambles the
 * cross-lingual run. Each answer must be its own segment's, whatever the segment holds.
 */
describe('bench:stories Apertium segments', () => {
  let dir: string;
  beforeAll(() => {
    requireApertiumPair('eng-spa');
    dir = mkdtempSync(join(tmpdir(), 'tw-stories-apertium-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  // Paragraphs that upset line- or stream-based batching: several sentences, a line break inside,
  // a caret smiley, brackets and stream metacharacters, markup-like text, an empty segment.
  const tricky = [
    'The minister said on Tuesday that 42 people died.\nRescuers kept searching through the night. Officials closed the port.',
    'He wrote "I did this today ^_^" on his page [photo] and left.',
    'Prices rose 5% in A&B stores <b>yesterday</b>, the report {said} @ 10 a.m. $ / \\ *',
    '',
    'Dr. Smith arrived in the U.S. at 3 p.m. Mr. Jones left. No. 7 was late.',
  ];

  it('each of a batch of numbered paragraphs comes back as its own translation, in order', async () => {
    const segments = Array.from({ length: 60 }, (_, i) => `${tricky[i % tricky.length]} Paragraph number ${1000 + i} ends here.`);
    segments[3] = '';
    const out = await apertiumSegments(segments, 'eng-spa', join(dir, 'batch'));
    expect(out).toHaveLength(segments.length);
    expect(out[3]).toBe('');
    out.forEach((o, i) => {
      if (i !== 3) expect(o, `segment ${i}`).toContain(String(1000 + i));
    });
    // The same segments one per call give the same answers: batching changed nothing.
    for (const i of [0, 1, 2, 4, 59]) {
      const [alone] = await apertiumSegments([segments[i]!], 'eng-spa', join(dir, `alone-${i}`));
      expect(out[i]).toBe(alone);
    }
  }, 300_000);

  it('remembers each segment on disk: a rerun asks Apertium nothing', async () => {
    const cache = join(dir, 'rerun');
    const first = await apertiumSegments(['The earthquake killed 42 people.', 'Rescuers searched the rubble.'], 'eng-spa', cache);
    const stored = JSON.parse(readFileSync(join(cache, 'eng-spa.segments.json'), 'utf8')) as Record<string, string>;
    expect(Object.values(stored).sort()).toEqual([...first].sort());
    // Under a mode Apertium does not have, asking it would fail: cached segments never reach it.
    writeFileSync(join(cache, 'eng-xxx.segments.json'), JSON.stringify(stored));
    const again = await apertiumSegments(['Rescuers searched the rubble.'], 'eng-xxx', cache);
    expect(again).toEqual([first[1]]);
    await expect(apertiumSegments(['Not cached.'], 'eng-xxx', cache)).rejects.toThrow(/apertium eng-xxx failed/);
  }, 300_000);
});
