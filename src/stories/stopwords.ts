/**
 * Function words that say nothing about which event an article reports. English is the pivot
 * (translated heads are compared in it); Spanish, French, German, Portuguese and Italian bodies are
 * still tokenized, so their commonest words go too. IDF alone learns the rest, but only after
 * enough articles: these lists keep the first hundred articles of a stream from clustering on "the".
 */
const LISTS = [
  // English
  `a about above after again against all also am an and any are as at be because been before being below between both but by can
  could did do does doing down during each even few for from further had has have having he her here hers herself him himself his
  how i if in into is it its itself just like made make many may me might more most much must my myself new no nor not now of off
  on once one only or other our ours out over own said same says say she should since so some still such than that the their
  theirs them themselves then there these they this those through to too two under until up upon us very was we were what when
  where which while who whom whose why will with would year years you your yours told according week mr mrs ms time people
  first last get got go going back well way three four five us's it's don't didn't there's that's he's she's we're they're`,
  // Spanish
  `a al algo algunos ante antes como con contra cual cuando de del desde donde durante e el ella ellas ellos en entre era es esa
  esas ese eso esos esta estaba estado estan estas este esto estos fue fueron ha habia han hasta hay la las le les lo los mas me
  mi muy nada ni no nos o otra otras otro otros para pero poco por porque que quien se sea segun ser si sido sin sobre su sus
  tambien tiene todo todos tras un una uno unos y ya dijo dice ano anos`,
  // French
  `au aux avec ce ces dans de des du elle en et eux il ils je la le les leur lui ma mais me meme mes moi mon ne nos notre nous on
  ou par pas pour qu que qui sa se ses son sur ta te tes toi ton tu un une vos votre vous c d j l m n s t y ete etait sont est`,
  // German
  `aber als am an auch auf aus bei bin bis das dass dem den der des die doch dort du durch ein eine einem einen einer eines er es
  fur hat hatte ich ihr im in ist ja jetzt kann kein mit nach nicht noch nur oder sich sie sind so uber um und uns vom von vor war
  waren was wie wir wird wurde zu zum zur`,
  // Portuguese and Italian (the commonest only)
  `ao aos da das do dos em na nas no nos os ou uma um com nao mais foi sao il lo gli di che per non con sono della delle dei nel`,
];

export const STOPWORDS: ReadonlySet<string> = new Set(LISTS.join(' ').split(/\s+/).filter(Boolean));
