import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { TranswireError } from '../../src/domain/errors.ts';
import { parseFeed } from '../../src/feeds/index.ts';

/**
 * feedparser-style golden cases: each `NAME.<ext>` in test/fixtures/feeds has `NAME.expected.json`,
 * a subset the parsed feed must match (arrays must match in length). Special keys:
 * `$options` (url, contentType, maxItems), `$warnings` (substrings that must appear among the
 * warnings), `$error` (the error code expected instead of a feed).
 */
const DIR = join(import.meta.dirname, '../fixtures/feeds');
const cases = readdirSync(DIR).filter((f) => !f.endsWith('.expected.json') && !f.startsWith('opml-') && !f.startsWith('page-'));

describe('feed fixtures', () => {
  it('has a fixture set', () => expect(cases.length).toBeGreaterThan(20));

  for (const file of cases) {
    it(file, () => {
      const stem = file.replace(/\.(xml|rdf|json|html|xml\.gz|txt)$/, '');
      const expected = JSON.parse(readFileSync(join(DIR, `${stem}.expected.json`), 'utf8')) as Record<string, unknown>;
      const { $options, $warnings, $error, ...shape } = expected as {
        $options?: { url?: string; contentType?: string; maxItems?: number };
        $warnings?: string[];
        $error?: string;
      } & Record<string, unknown>;
      const bytes = readFileSync(join(DIR, file));
      const opts = { url: `https://fixture.example/${file}`, ...$options };
      if ($error) {
        let caught: unknown;
        try {
          parseFeed(bytes, opts);
        } catch (err) {
          caught = err;
        }
        expect(caught).toBeInstanceOf(TranswireError);
        expect((caught as TranswireError).code).toBe($error);
        return;
      }
      const feed = parseFeed(bytes, opts);
      expect(feed).toMatchObject(shape);
      for (const w of $warnings ?? []) expect(feed.warnings.some((x) => x.includes(w)), `warning "${w}" in ${JSON.stringify(feed.warnings)}`).toBe(true);
    });
  }
});
