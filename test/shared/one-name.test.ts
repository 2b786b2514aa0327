import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import * as htmlText from '../../src/translate/html-text.ts';

// One home per helper, under one name: the translation side imports escaping and entity decoding
// from shared/ by their own names, not through aliases of its own (`escapeHtmlText` was
// shared/escape-html.ts's escapeHtml under another name).
describe('translate/html-text.ts', () => {
  it('holds only the remembered htmlToText (shared/text.ts’s, by the same name)', () => {
    expect(Object.keys(htmlText)).toEqual(['htmlToText']);
  });

  it('no file in the tree uses the old alias', () => {
    let found = '';
    try {
      found = execFileSync('git', ['grep', '--untracked', '-l', '-w', 'escapeHtmlText', '--', 'src', 'test', 'bench', 'scripts', ':!test/shared/one-name.test.ts'], { encoding: 'utf8' });
    } catch (err) {
      if ((err as { status?: number }).status !== 1) throw err; // 1: nothing found
    }
    expect(found).toBe('');
  });
});
