/**
 * Sentences in capitals ("YES. VERY MUCH SO.", a headline or a character shouting in a story):
 * Apertium reads each capitalized word as a name or an acronym and keeps, drops or lowers
 * capitals at random ("Sí. Mucho TAN. PUEDE haber MÁS."). Before the engine such a run of whole
 * sentences is written in sentence case between two markers; after it, the text between the
 * markers is put back in capitals. A sentence is whole (it ends at a sentence end or the run's
 * end), so the engine's reordering, which stays inside a sentence, cannot carry words across a
 * marker. Words in capitals inside a sentence in small letters (NASA, "a VERY long day") are left
 * to the engine.
 */
const OPEN = '<tw-caps>';
const CLOSE = '</tw-caps>';
const SENTENCE = /[^.!?…]*(?:[.!?…]+["”’»)]*|$)\s*/gu;

/** Whether a sentence is in capitals: every cased letter of it (two at least). */
function inCapitals(sentence: string): boolean {
  // An ordinal's ending is no lower-case word ("JANUARY 14th").
  const letters = sentence.replace(/(?<=\d)(?:st|nd|rd|th)(?![\p{L}])/gu, '').replace(/[^\p{L}]/gu, '');
  return letters.length >= 2 && letters === letters.toUpperCase() && letters !== letters.toLowerCase();
}

/** Whether a run of sentences in capitals is a shout, not an acronym ("NASA.", "OK."). */
function shout(run: string): boolean {
  const letters = run.replace(/[^\p{L}]/gu, '');
  return letters.length >= 6 && ((run.match(/\p{L}+/gu) ?? []).length >= 2 || letters.length >= 8);
}

/** A shouted run in sentence case: each sentence's first letter a capital, the pronoun "I" and the `keep` words kept. */
function sentenceCase(run: string, keep: Set<string>): string {
  let start = true;
  return run.replace(/[\p{L}][\p{L}\p{M}'’]*|[.!?…]/gu, (w) => {
    if (/^[.!?…]$/u.test(w)) {
      start = true;
      return w;
    }
    if (keep.has(w)) {
      start = false;
      return w;
    }
    const out = start || w === 'I' || /^I['’]/.test(w) ? w.charAt(0) + w.slice(1).toLowerCase() : w.toLowerCase();
    start = false;
    return out;
  });
}

/** A text run's sentences grouped into runs alike: in capitals or not. */
function groupsOf(run: string): Array<{ caps: boolean; text: string }> {
  const groups: Array<{ caps: boolean; text: string }> = [];
  for (const p of run.match(SENTENCE) ?? []) {
    if (p === '') continue;
    const caps = inCapitals(p);
    if (groups.at(-1)?.caps === caps) groups.at(-1)!.text += p;
    else groups.push({ caps, text: p });
  }
  return groups;
}

/** The words of the shouted runs of an HTML unit, as written: the ones to ask the engine about (SWITZERLAND, US are names). */
export function shoutedWords(html: string): string[] {
  if (!/\p{Lu}{3}/u.test(html)) return [];
  const out = new Set<string>();
  for (const m of html.matchAll(/(?:^|>)([^<]+)/g)) {
    for (const g of groupsOf(m[1]!)) if (g.caps && shout(g.text)) for (const w of g.text.match(/\p{L}[\p{L}\p{M}]*/gu) ?? []) out.add(w);
  }
  return [...out];
}

/**
 * The units' text runs with their shouted sentences in sentence case, between markers; the
 * `keep` words (names the engine knows in capitals: SWITZERLAND, UK) stay as written.
 */
export function markShouted(html: string, keep: Set<string> = new Set()): string {
  if (!/\p{Lu}{3}/u.test(html)) return html;
  return html.replace(/(^|>)([^<]+)/g, (whole, gt: string, run: string) => {
    const groups = groupsOf(run);
    if (!groups.some((g) => g.caps && shout(g.text))) return whole;
    return gt + groups.map((g) => {
      if (!g.caps || !shout(g.text)) return g.text;
      const trail = /\s*$/.exec(g.text)![0];
      return `${OPEN}${sentenceCase(g.text.slice(0, g.text.length - trail.length), keep)}${CLOSE}${trail}`;
    }).join('');
  });
}

/** The engine's output with the marked runs in capitals and the markers gone (a marker the engine lost is just dropped). */
export function restoreShouted(html: string): string {
  if (!html.includes('<tw-caps>') && !html.includes('</tw-caps>')) return html;
  return html
    .replace(/<tw-caps>([\s\S]*?)<\/tw-caps>/g, (_, inner: string) => inner.replace(/(^|>)([^<]+)/g, (__, gt: string, text: string) => gt + upperText(text)))
    .replace(/<\/?tw-caps>/g, '');
}

/** Capitals for text that may hold entities (&amp; stays as it is). */
function upperText(text: string): string {
  return text.replace(/&[#\w]+;|[^&]+/g, (p) => (p.startsWith('&') && p.endsWith(';') ? p : p.toUpperCase()));
}
