/**
 * Apertium's structural transfer (eng-spa, eng-cat) writes some lexical units of one chunk with no
 * blank between them (`^actor<n><m><pl>$^no<adv>$^profesional<adj><mf><pl>$`), and the generator
 * then prints them as one word ("actoresnoprofesionales", "esperade31"). A stage right after
 * postchunk puts a blank into every such `$^` junction between two words. It leaves alone:
 * junctions next to punctuation ("Hola, mundo." keeps its comma against the word), everything
 * inside blanks, superblanks `[…]` and word-bound blanks `[[…]]`, escaped characters, and the NUL
 * that ends each segment (records are NUL-separated and flushed one by one: the pipeline stays
 * warm). Contractions are unaffected: the post-generator makes "del" and "al" from units that
 * already had a blank between them (`^de<pr>$ ^el<det>…$`).
 *
 * Perl on bytes, not sed: a junction is found by reading the stream unit by unit, so a `$^`
 * inside a blank or after an escape is never taken for one. Every byte of the input comes back
 * (no decoding): a non-ASCII byte counts as part of a word, and non-ASCII punctuation (¿ ¡ « »)
 * is known by its tag.
 */
const PUNCTUATION_TAGS = ['sent', 'cm', 'lpar', 'rpar', 'lquest', 'rquest', 'lquot', 'rquot', 'quot', 'guio', 'apos', 'percent', 'punt', 'ipunct'];

const PROGRAM = [
  'BEGIN { $| = 1 }',
  // First tag names punctuation, or the unit's first (last) text character is not a word character.
  `sub punct { $_[0] =~ /^\\^(?:\\[\\[.*?\\]\\])?[^<]*<(?:${PUNCTUATION_TAGS.join('|')})>/ }`,
  'sub text { my $u = substr($_[0], 1, -1); $u =~ s/^\\[\\[.*?\\]\\]//; $u =~ s/\\\\(.)/$1/g; $u =~ s/<[^>]*>//g; $u =~ s/^[*@#~]+//; $u }',
  // Copied first: @_ aliases $1 and $2, which the next match resets.
  'sub wordy { my ($l, $r) = @_; !punct($l) && !punct($r) && text($l) =~ /[A-Za-z0-9\\x80-\\xff]$/ && text($r) =~ /^[A-Za-z0-9\\x80-\\xff]/ }',
  // Tokens: an escape, a word-bound blank, a superblank, a unit (with the unit right after it, if any).
  's{\\\\.|\\[\\[.*?\\]\\]|\\[(?:[^\\\\\\]]|\\\\.)*\\]|(\\^(?:[^\\\\\\$]|\\\\.)*\\$)(?:(?=(\\^(?:[^\\\\\\$]|\\\\.)*\\$))|)}{defined $2 && wordy($1, $2) ? "$1 " : $&}gse',
].join('; ');

/** The filter as a pipeline stage (single-quoted for the shell: the program holds no quote). */
export const JOIN_BLANKS_STAGE = `perl -0 -pe '${PROGRAM}'`;

/**
 * The pipeline with the filter right after its postchunk stage; unchanged when it has none (a
 * pair whose transfer has one stage, or the analyser alone).
 */
export function withJoinBlanks(pipeline: string): string {
  const stages = pipeline.split(' | ');
  const at = stages.findIndex((s) => s.trimStart().startsWith('apertium-postchunk'));
  if (at < 0) return pipeline;
  stages.splice(at + 1, 0, JOIN_BLANKS_STAGE);
  return stages.join(' | ');
}

/** A token with a digit right before a letter: "5G", "3pm", "2000s", a link's "2hWw372". */
const DIGIT_THEN_LETTER = /\d\p{L}/u;
const SOURCE_GLUED = /(?<![\p{L}\p{N}])[\p{L}\p{N}]*\d\p{L}[\p{L}\p{N}]*/gu;

/**
 * The analyser reads "5G", "4K", "3pm" as two units with no blank between them, which the stage
 * above cannot tell from words that transfer ran together: where the source wrote digits and
 * letters as one token and the translation has the same token cut at those places ("5 G"), it
 * is joined again. Letters and digits need no regex escape.
 */
export function rejoinSourceGlued(source: string, out: string): string {
  // Most segments have no such token, and the token regex backtracks through every word to learn it.
  if (!DIGIT_THEN_LETTER.test(source)) return out;
  for (const token of new Set(Array.from(source.matchAll(SOURCE_GLUED), (m) => m[0]))) {
    const cut = token.replace(/(\d)(?=\p{L})/gu, '$1 ?');
    out = out.replace(new RegExp(`(?<![\\p{L}\\p{N}])${cut}(?![\\p{L}\\p{N}])`, 'gu'), token);
  }
  return out;
}
