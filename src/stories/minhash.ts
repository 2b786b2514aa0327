import { words } from './text-tokens.ts';

/**
 * MinHash sketch of a text's word shingles, with LSH bands: two texts whose shingle sets have
 * Jaccard similarity J share at least one band with probability 1 − (1 − J^ROWS)^BANDS
 * (J = 0.7: 0.9998; J = 0.3: 0.23), and the signature then estimates J itself.
 */
export const SHINGLE = 4;
export const BANDS = 32;
export const ROWS = 4;
export const HASHES = BANDS * ROWS;

export interface Sketch {
  signature: Int32Array;
  /** One 32-bit key per band (band i's key is bands[i]). */
  bands: Int32Array;
  shingles: number;
}

const SEEDS = Int32Array.from({ length: HASHES }, (_, i) => mix(0x9e3779b9 ^ Math.imul(i + 1, 0x85ebca6b)));

/**
 * Under this many shingles (about 28 words) a text is not sketched: it is too short to call a
 * copy of anything, and as often the page's chrome ("Chat with us in Facebook Messenger…", all a
 * video page's text) as the story, which would make every such page a copy of every other.
 */
export const MIN_SHINGLES = 25;

/** The sketch of a text, or null when it is too short (under MIN_SHINGLES shingles). */
export function sketch(text: string): Sketch | null {
  const ws = words(text);
  const count = ws.length - SHINGLE + 1;
  if (count < MIN_SHINGLES) return null;
  const hashes = new Set<number>();
  for (let i = 0; i < count; i++) hashes.add(fnv(ws, i, SHINGLE));
  const signature = new Int32Array(HASHES).fill(0x7fffffff);
  for (const h of hashes) {
    for (let k = 0; k < HASHES; k++) {
      const v = mix(h ^ SEEDS[k]!);
      if (v < signature[k]!) signature[k] = v;
    }
  }
  const bands = new Int32Array(BANDS);
  for (let b = 0; b < BANDS; b++) {
    let x = 0x811c9dc5 ^ b;
    for (let r = 0; r < ROWS; r++) x = mix(x ^ signature[b * ROWS + r]!);
    bands[b] = x;
  }
  return { signature, bands, shingles: hashes.size };
}

/** Estimated Jaccard similarity: the share of equal minimums. */
export function similarity(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let same = 0;
  for (let i = 0; i < HASHES; i++) if (a[i] === b[i]) same++;
  return same / HASHES;
}

function fnv(ws: string[], from: number, n: number): number {
  let h = 0x811c9dc5;
  for (let j = from; j < from + n; j++) {
    const w = ws[j]!;
    for (let c = 0; c < w.length; c++) h = Math.imul(h ^ w.charCodeAt(c), 0x01000193);
    h = Math.imul(h ^ 0x20, 0x01000193);
  }
  return h | 0;
}

/** murmur3's finalizer: a good 32-bit mix, kept positive so "smaller" is well defined. */
function mix(x: number): number {
  let h = x | 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) & 0x7fffffff;
}
