import type { SourceChanges } from '../domain/source-changes.ts';
import { collapseWhitespace } from '../shared/text.ts';
import { NUMBER_RE, parseNumber } from './numbers.ts';

export interface SourceVersion {
  title: string;
  /** Plain text, paragraphs separated by a blank line (as extraction writes it). */
  text: string;
}

/** Past this many paragraph pairs the alignment is not worth its memory: every paragraph counts as changed. */
const MAX_CELLS = 4_000_000;
/** A note lists a few figures, not a table. */
const MAX_FIGURES = 6;

const paragraphs = (text: string) => text.split(/\n\s*\n/).map(collapseWhitespace).filter((p) => p !== '');

/**
 * What changed between two versions of a source article, in words a reader understands:
 * paragraphs added, changed and removed (aligned on the longest run of paragraphs both share), the
 * headline, and the figures a changed paragraph now gives instead of others ("50 → 105").
 * `lang` is the source's language: its notation reads the figures (2,000 in English, 2.000 in Spanish).
 */
export function compareSourceVersions(before: SourceVersion, after: SourceVersion, lang: string): SourceChanges {
  const a = paragraphs(before.text);
  const b = paragraphs(after.text);
  const changes: SourceChanges = { headlineChanged: false, paragraphsAdded: 0, paragraphsChanged: 0, paragraphsRemoved: 0, figures: [] };
  const pairs: Array<[string, string]> = [];
  if (collapseWhitespace(before.title) !== collapseWhitespace(after.title)) {
    changes.headlineChanged = true;
    pairs.push([before.title, after.title]);
  }
  for (const gap of unmatchedRuns(a, b)) {
    const changed = Math.min(gap.removed.length, gap.added.length);
    changes.paragraphsChanged += changed;
    changes.paragraphsAdded += gap.added.length - changed;
    changes.paragraphsRemoved += gap.removed.length - changed;
    for (let i = 0; i < changed; i++) pairs.push([gap.removed[i]!, gap.added[i]!]);
  }
  const seen = new Set<string>();
  for (const [was, now] of pairs) {
    for (const f of changedFigures(was, now, lang)) {
      const key = `${f.from}\u0000${f.to}`;
      if (seen.has(key) || changes.figures.length >= MAX_FIGURES) continue;
      seen.add(key);
      changes.figures.push(f);
    }
  }
  return changes;
}

/** The runs of paragraphs between those both versions share, in order: what was there, what is there now. */
function unmatchedRuns(a: string[], b: string[]): Array<{ removed: string[]; added: string[] }> {
  if (a.length * b.length > MAX_CELLS) return [{ removed: a, added: b }];
  // Longest common subsequence, by suffix: lcs[i][j] for a[i..] and b[j..].
  const w = b.length + 1;
  const lcs = new Uint32Array((a.length + 1) * w);
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      lcs[i * w + j] = a[i] === b[j] ? lcs[(i + 1) * w + j + 1]! + 1 : Math.max(lcs[(i + 1) * w + j]!, lcs[i * w + j + 1]!);
    }
  }
  const runs: Array<{ removed: string[]; added: string[] }> = [];
  let run = { removed: [] as string[], added: [] as string[] };
  const close = () => {
    if (run.removed.length || run.added.length) runs.push(run);
    run = { removed: [], added: [] };
  };
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) {
      close();
      i++;
      j++;
    } else if (j >= b.length || (i < a.length && lcs[(i + 1) * w + j]! >= lcs[i * w + j + 1]!)) run.removed.push(a[i++]!);
    else run.added.push(b[j++]!);
  }
  close();
  return runs;
}

/** Figures `now` gives that `was` did not, paired in order with those it no longer gives. */
function changedFigures(was: string, now: string, lang: string): Array<{ from: number | string; to: number | string }> {
  const read = (text: string) => (text.match(NUMBER_RE) ?? []).map((lit) => parseNumber(lit, lang) ?? lit);
  const before = read(was);
  const after = read(now);
  const gone = without(before, after);
  const fresh = without(after, before);
  const n = Math.min(gone.length, fresh.length);
  return Array.from({ length: n }, (_, k) => ({ from: gone[k]!, to: fresh[k]! }));
}

/** `xs` less one occurrence of each of `ys` (a multiset difference), order kept. */
function without<T>(xs: T[], ys: T[]): T[] {
  const left = [...ys];
  return xs.filter((x) => {
    const k = left.indexOf(x);
    if (k === -1) return true;
    left.splice(k, 1);
    return false;
  });
}
