import { esc } from '../render-admin-page.ts';

/**
 * Word-level diff of two plain texts as escaped HTML: `<del>` for words taken out, `<ins>` for
 * words put in. Longest common subsequence over words; a unit is a paragraph, so n·m stays small.
 */
export function wordDiff(before: string, after: string): string {
  const a = before.split(/(\s+)/).filter(Boolean);
  const b = after.split(/(\s+)/).filter(Boolean);
  const n = a.length;
  const m = b.length;
  const lcs: Uint32Array[] = Array.from({ length: n + 1 }, () => new Uint32Array(m + 1));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) lcs[i]![j] = a[i] === b[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
  }
  const out: string[] = [];
  let i = 0;
  let j = 0;
  const push = (tag: 'del' | 'ins' | null, word: string) => {
    const last = out.length - 1;
    const open = tag ? `<${tag}>` : '';
    if (tag && out[last]?.startsWith(open)) out[last] = `${open}${out[last]!.slice(open.length, -open.length - 1)}${esc(word)}</${tag}>`;
    else out.push(tag ? `${open}${esc(word)}</${tag}>` : esc(word));
  };
  while (i < n || j < m) {
    if (i < n && j < m && a[i] === b[j]) {
      push(null, a[i]!);
      i++;
      j++;
    } else if (i < n && (j === m || lcs[i + 1]![j]! >= lcs[i]![j + 1]!)) push('del', a[i++]!);
    else push('ins', b[j++]!);
  }
  return out.join('');
}
