/**
 * English as the engine's dictionaries spell it, from English as people type it: Apertium knows
 * "don't" and "I'm" but not "don’t" (a typographic apostrophe) or "i'm", and leaves them
 * untranslated or reads them as names. Applied to the text runs of a unit's HTML before the
 * engine; the gate still compares the translation with the source as written.
 */
/** Only in a contraction or a possessive: a name keeps its own (O’Rourke: Apertium drops a straight one there). */
const TYPOGRAPHIC_APOSTROPHE = /(?<=\p{Ll})(?<![Tt]here)’(?=(?:s|t|m|re|ve|d|ll)(?!\p{L}))/gu;
/** The pronoun typed in small letters: alone, or before its contractions (i'm, i’ll). */
const SMALL_I = /(?<![\p{L}\p{N}\p{M}.'’&#;-])i(?=\s|(?:['’]|&#39;|&#x27;|&apos;)(?:m|ll|d|ve)(?!\p{L})|[,;!?](?:\s|$)|$)/gu;
/** Contractions typed without their apostrophe; only forms that are no other English word. */
const NO_APOSTROPHE: Record<string, string> = {
  dont: "don't", doesnt: "doesn't", didnt: "didn't", isnt: "isn't", wasnt: "wasn't", arent: "aren't", werent: "weren't",
  havent: "haven't", hasnt: "hasn't", hadnt: "hadn't", couldnt: "couldn't", wouldnt: "wouldn't", shouldnt: "shouldn't",
  im: "I'm", ive: "I've", youre: "you're", theyre: "they're", thats: "that's", whats: "what's", theres: "there's",
};
const NO_APOSTROPHE_RE = new RegExp(`(?<![\\p{L}\\p{N}'’])(${Object.keys(NO_APOSTROPHE).join('|')})(?![\\p{L}\\p{N}'’])`, 'giu');
/**
 * Informal English of posts and transcripts the engine has no entry for (it copies "gonna",
 * "kinda", "tbh" into the Spanish as they are): written out as the words they stand for. Only
 * forms that are no other English word; in capitals they are left (an acronym, a shout).
 */
const INFORMAL: Record<string, string> = {
  gonna: 'going to', wanna: 'want to', gotta: 'have to', kinda: 'somewhat', sorta: 'somewhat', lemme: 'let me', gimme: 'give me',
  dunno: "don't know", outta: 'out of', tho: 'though', cuz: 'because', coz: 'because', pls: 'please', plz: 'please', thx: 'thanks',
  idk: "I don't know", tbh: 'to be honest', imo: 'in my opinion', imho: 'in my opinion', btw: 'by the way', ppl: 'people', yeah: 'yes', yep: 'yes', yup: 'yes', nope: 'no', "y'all": 'you all', 'y’all': 'you all',
};
const INFORMAL_RE = new RegExp(`(?<![\\p{L}\\p{N}'’&#;-])(${Object.keys(INFORMAL).join('|')})(?![\\p{L}\\p{N}'’-])`, 'giu');

export function englishSpelling(html: string): string {
  return html.replace(/(^|>)([^<]+)/g, (_, gt: string, run: string) => gt + spellRun(run));
}

function spellRun(run: string): string {
  return run
    .replace(TYPOGRAPHIC_APOSTROPHE, "'")
    // In capitals it is another word (IM, ITS) or a shout the engine reads letter by letter anyway.
    .replace(NO_APOSTROPHE_RE, (w: string) => (w === w.toUpperCase() ? w : withCase(w, NO_APOSTROPHE[w.toLowerCase()]!)))
    .replace(INFORMAL_RE, (w: string) => (w.length > 1 && w === w.toUpperCase() ? w : withCase(w, INFORMAL[w.toLowerCase()]!)))
    .replace(SMALL_I, 'I');
}

/** The spelling with the typed word's capital kept ("Dont" → "Don't"). */
function withCase(typed: string, spelled: string): string {
  return /^\p{Lu}/u.test(typed) ? spelled[0]!.toUpperCase() + spelled.slice(1) : spelled;
}
