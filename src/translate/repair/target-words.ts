/**
 * Words the engine gets wrong by rule in its Spanish, fixed on the translation's text runs:
 *  - "cuándo" with its accent is the question word only: Apertium writes it for every "when"
 *    ("incluso cuándo algo va viral"). Outside a question, and not after a verb of knowing or
 *    asking (sé cuándo, pregunta cuándo: an indirect question), it is the conjunction "cuando".
 *  - "Tan" opening a sentence before a comma or a word it cannot modify ("Tan, dejamos", "Tan qué
 *    hacemos", "Tan incluso si"): "tan" qualifies an adjective or an adverb only; this is English
 *    "So" as a connective, which Spanish says "Así que" (Apertium gets "So I left" right itself).
 *  - Apertium's word for some English words is not the one Spanish writers use by default:
 *    "your" as "vuestro" (the plural familiar of Spain only, beside its own singular "tú" and
 *    "puedes": made "tu"), "that" as the distal "aquel"/"aquello" (the medial "ese"/"eso" is the
 *    default, "aquel" marks the remote), "get" as "coger" (vulgar in most of the Americas; the
 *    neutral "conseguir", in the forms that need no conjugation table).
 *  - "ser" before a gerund ("es habiendo", "he sido escuchando"): English's progressive "is
 *    having", which Spanish says with "estar" (está teniendo, he estado escuchando); "ser" never
 *    goes with a gerund.
 *  - "gusta"/"gustar" with no pronoun before it ("Parece gusta", "es gusta ir"): Spanish's "gustar"
 *    always takes one (me gusta, le gusta); bare, it is Apertium's reading of the English
 *    preposition "like" ("seems like", "is like going"), which Spanish says "como".
 *  - A greeting: Spanish puts "feliz" first ("¡Feliz cumpleaños!", "Feliz domingo", "Felices
 *    fiestas"); Apertium moves it after the noun as any adjective ("Cumpleaños feliz!"). Where
 *    the source opens a sentence with "Happy", a sentence opening "<noun> feliz" is turned round.
 *  - Laughter written in English letters, copied by the engine ("lol", "haha", "hehe"), is
 *    written as Spanish writes it: jaja, jeje.
 */
const ASKING = ['sé', 'sabe', 'saben', 'sabes', 'sabemos', 'saber', 'sabía', 'sabían', 'sabíamos', 'supe', 'supo', 'pregunto', 'preguntó', 'pregunta', 'preguntan', 'preguntar', 'preguntaba', 'dime', 'dinos', 'decir', 'dijo', 'idea de', 'ver', 'mira', 'explicar', 'entender', 'entiendo', 'averiguar', 'depende de', 'importa', 'es', 'no'];
/** "cuándo" not opened by ¿, not after an asking word, and with no "?" before the sentence ends. */
const CUANDO = new RegExp(`(?<!(?:^|[^\\p{L}])(?:${ASKING.join('|')}) )(?<![¿\\p{L}])([Cc])uándo(?![\\p{L}])(?![^.!¡¿]*\\?)`, 'gu');
/** Words "tan" cannot qualify: determiners, pronouns, prepositions, conjunctions, question words, sentence adverbs. */
const NOT_QUALIFIED = ['qué', 'cómo', 'por', 'cuándo', 'dónde', 'quién', 'cuál', 'incluso', 'entonces', 'sí', 'no', 'ahora', 'si', 'cuando', 'y', 'pero', 'o', 'de', 'en', 'el', 'la', 'los', 'las', 'un', 'una', 'esto', 'eso', 'este', 'esta', 'aquello', 'aquí', 'allí', 'ya', 'hoy', 'que', 'lo', 'le', 'me', 'te', 'se', 'nos', 'mi', 'tu', 'su', 'yo', 'él', 'ella', 'nosotros', 'ellos', 'básicamente', 'realmente', 'hopefully', 'yeah', 'vale', 'bien'];
const SO = new RegExp(`(^|[.!?…]["”»’)]*\\s+)(["“«¿¡]*)Tan(,| (?=(?:${NOT_QUALIFIED.join('|')})(?![\\p{L}])))`, 'gu');
const DEFAULT_WORD: Record<string, string> = {
  vuestro: 'tu', vuestra: 'tu', vuestros: 'tus', vuestras: 'tus',
  aquello: 'eso', aquel: 'ese', aquella: 'esa', aquellos: 'esos', aquellas: 'esas',
  coger: 'conseguir', cogiendo: 'consiguiendo', cogido: 'conseguido',
};
const DEFAULT_RE = new RegExp(`(?<![\\p{L}\\p{M}])(${Object.keys(DEFAULT_WORD).join('|')})(?![\\p{L}\\p{M}])`, 'giu');
const SER_ESTAR: Record<string, string> = {
  es: 'está', era: 'estaba', eran: 'estaban', son: 'están', soy: 'estoy', eres: 'estás', somos: 'estamos', 'éramos': 'estábamos', eras: 'estabas',
  fue: 'estuvo', fueron: 'estuvieron', sea: 'esté', ser: 'estar', sido: 'estado', 'será': 'estará', 'serán': 'estarán', 'sería': 'estaría', 'seré': 'estaré',
};
/** A form of "ser" and a gerund after it; words in -ando that are no gerund (cuando, mando) are not one. */
const SER_GERUND = new RegExp(`(?<![\\p{L}\\p{M}])(${Object.keys(SER_ESTAR).join('|')}) (?!(?:cuando|mando|comando|bando|blando)(?![\\p{L}]))(\\p{L}+(?:ando|iendo|yendo))(?![\\p{L}\\p{M}])`, 'giu');
const BARE_GUSTAR = /(?<!(?:^|[^\p{L}])(?:me|te|le|les|nos|os|se|lo|la) )(?<![\p{L}\p{M}])(gusta|gustar)(?![\p{L}\p{M}])/giu;
const GREETING = /(^|[.!?…]["”»’)]*\s+)([¡"“«]*)(\p{Lu}[\p{Ll}\p{M}]+(?: \p{Lu}[\p{Ll}\p{M}]+)?) (feliz|felices)(?![\p{L}\p{M}])/gu;
const LAUGH = /(?<![\p{L}\p{N}@#])(lol|lmao|(?:ha){2,}h?|(?:he){2,}h?)(?![\p{L}\p{N}])/giu;

/** The translation's Spanish usage; `source` is the unit's source text (plain). */
export function spanishUsage(html: string, to: string, source = ''): string {
  if (to !== 'es') return html;
  if (!/uándo|lol|lmao|haha|hehe|Tan|vuestr|aquel|cog|feli|ndo|gust/i.test(html)) return html;
  const greeting = /(?:^|[.!?…]\s+)["“]?Happy\s/.test(source);
  return html.replace(/(^|>)([^<]+)/g, (_, gt: string, run: string) => {
    let out = run.replace(CUANDO, '$1uando').replace(SO, '$1$2Así que$3').replace(DEFAULT_RE, defaultWord).replace(LAUGH, laughter)
      .replace(BARE_GUSTAR, (w: string) => withCaseOf(w, 'como'))
      .replace(SER_GERUND, (_m, ser: string, gerund: string) => `${withCaseOf(ser, SER_ESTAR[ser.toLowerCase()]!)} ${gerund}`);
    if (greeting) out = out.replace(GREETING, (__, start: string, marks: string, noun: string, happy: string) => `${start}${marks}${happy.charAt(0).toUpperCase()}${happy.slice(1)} ${noun.includes(' ') ? noun : noun.toLowerCase()}`);
    return gt + out;
  });
}

function defaultWord(w: string): string {
  return withCaseOf(w, DEFAULT_WORD[w.toLowerCase()]!);
}

/** `out` in the case `w` is written in: a word in capitals (a shout) stays in capitals; a name is never one of these words. */
function withCaseOf(w: string, out: string): string {
  return w.length > 1 && w === w.toUpperCase() ? out.toUpperCase() : /^\p{Lu}/u.test(w) ? out.charAt(0).toUpperCase() + out.slice(1) : out;
}

function laughter(w: string): string {
  const l = w.toLowerCase();
  const out = l === 'lol' ? 'jaja' : l === 'lmao' ? 'jajaja' : (l.startsWith('he') ? 'je' : 'ja').repeat(Math.max(2, Math.floor(l.length / 2)));
  return w === w.toUpperCase() ? out.toUpperCase() : /^\p{Lu}/u.test(w) ? out.charAt(0).toUpperCase() + out.slice(1) : out;
}
