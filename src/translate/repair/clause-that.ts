/**
 * English drops the "that" of a reported clause ("I know you can", "I guess I should"); Spanish
 * and the other Romance languages never drop their "que". Apertium then reads the clause's
 * subject as the verb's object ("I know you can do it" → "Te conoces lo puede hacer") or leaves
 * the two clauses side by side ("Adivino tendría…"); given the "that", it writes "Sé que lo
 * puedes hacer". Done on the source's text runs before the engine, only where what follows the
 * verb is a clause: a subject pronoun (I, he, she, we, they), or a pronoun that could be an object
 * (you, it, there, this…) followed by an auxiliary or a copula. "Think", "hope", "say" and a few
 * more are left out: the engine gives them their "que" itself (and "think that" → "Creo que que").
 */
const VERBS = [
  'guess', 'guessed', 'know', 'knows', 'knew', 'wish', 'wished', 'imagine', 'imagined', 'bet', 'feel', 'feels', 'felt',
  'mean', 'means', 'meant', 'realize', 'realized', 'realise', 'realised', 'figure', 'figured', 'hear', 'heard', 'notice',
  'noticed', 'swear', 'swore', 'assume', 'assumed', 'reckon', 'remember', 'remembered', 'forgot', 'learned', 'learnt',
  'understand', 'understood', 'admit', 'admitted', 'doubt', 'bet',
];
const SUBJECT = "(?:I|he|she|we|they)(?=['’ ,])";
const AUX = "is|are|was|were|will|would|can|could|should|might|may|must|have|has|had|do|does|did|don't|doesn't|didn't|won't|can't|isn't|wasn't|aren't|weren't|wouldn't|couldn't|shouldn't|need|needs|used";
const MAYBE_OBJECT = `(?:you|it|there|this|everyone|everybody|nobody|someone|somebody|people)(?=['’](?:s|re|ll|ve|d)\\b| (?:${AUX})\\b)`;
const CLAUSE_THAT = new RegExp(`(?<![\\p{L}'’-])(${[...new Set(VERBS)].join('|')}) (?=${SUBJECT}|${MAYBE_OBJECT})`, 'gu');

/** The text runs of an English HTML unit with the "that" of each reported clause written out. */
export function clauseThat(html: string): string {
  return html.replace(/(^|>)([^<]+)/g, (_, gt: string, run: string) => gt + run.replace(CLAUSE_THAT, '$1 that '));
}
