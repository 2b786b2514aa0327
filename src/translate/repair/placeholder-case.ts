/**
 * A segment that opens with a protected name (`<x id="g0"/> and <x id="g1"/> agree…`) reaches the
 * engine as if its sentence began after the placeholder, so Apertium capitalizes the next word:
 * `Tarvenia Y Ossland acordar…`, `Skerry El radiotelescopio…`. Where the source wrote that next
 * word in lower case, the engine's capital is only its sentence-start rule: it is taken back.
 */
const LEADING = /^(\s*(?:<x\s+id="g\d+"\s*\/?>(?:<\/x>)?\s*)+)(\p{L})/u;

export function lowerAfterLeadingPlaceholder(target: string, source: string): string {
  const src = LEADING.exec(source);
  if (!src || !/\p{Ll}/u.test(src[2]!)) return target;
  return target.replace(LEADING, (whole, lead: string, letter: string, offset: number, all: string) => {
    const word = /^[\p{L}\p{M}'’-]*/u.exec(all.slice(offset + lead.length))![0];
    // An acronym or a name the engine kept in capitals is not a sentence-start capital.
    if (word.length > 1 && /\p{Lu}/u.test(word.slice(1))) return whole;
    return lead + letter.toLowerCase();
  });
}
