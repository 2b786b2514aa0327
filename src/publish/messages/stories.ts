/**
 * The strings of story pages and story links, for every site language. Apart from the page
 * messages (en.ts…) so the story pages' words are found in one place; English where a language
 * has none. Counts take the language's plural forms (Intl.PluralRules): Arabic has six.
 */
type Plural = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };

export interface StoryMessages {
  /** "3 sources": distinct outlets that told the story. */
  sources: Plural;
  seeStory: string;
  /** The kicker above a story page's headline. */
  story: string;
  /** The lead's attribution under the headline: "As told by {outlet}". */
  toldBy: string;
  whoReported: string;
  roleLead: string;
  roleReport: string;
  roleUpdate: string;
  alsoCarriedBy: string;
  readTranslation: string;
  original: string;
  updates: string;
  disagreeTitle: string;
  disagreeIntro: string;
  claim: string;
  value: string;
  reportedBy: string;
  /** The claim of a quotation: who said it. */
  quote: string;
  /** What a figure counts, by the claims' English word; a word not here is shown as it is, in English. */
  claims: Record<string, string>;
  /** The dated note of a story split off another: {story} is that story's title (linked), {time} the split's date. */
  splitFrom: string;
}

const en: StoryMessages = {
  sources: { one: '{n} source', other: '{n} sources' },
  seeStory: 'see the story',
  story: 'Story',
  toldBy: 'As told by {outlet}',
  whoReported: 'Who reported it',
  roleLead: 'translated here',
  roleReport: 'report',
  roleUpdate: 'update',
  alsoCarriedBy: 'Also carried by',
  readTranslation: 'read the translation',
  original: 'original',
  updates: 'Updates',
  disagreeTitle: 'Where sources disagree',
  disagreeIntro: 'The outlets give different figures or attribute a quotation to different people. The originals are linked.',
  claim: 'Claim',
  value: 'Value',
  reportedBy: 'Reported by',
  quote: 'Who said “{quote}”',
  claims: { killed: 'killed', dead: 'dead', injured: 'injured', wounded: 'wounded', missing: 'missing', arrested: 'arrested', troops: 'troops', people: 'people', USD: 'US dollars', EUR: 'euros', percent: 'percent', date: 'date' },
  splitFrom: 'Split from the story {story} on {time}',
};

const es: StoryMessages = {
  sources: { one: '{n} fuente', other: '{n} fuentes' },
  seeStory: 'ver la cobertura',
  story: 'Cobertura',
  toldBy: 'Según {outlet}',
  whoReported: 'Quién lo publicó',
  roleLead: 'traducida aquí',
  roleReport: 'noticia',
  roleUpdate: 'actualización',
  alsoCarriedBy: 'También publicada por',
  readTranslation: 'leer la traducción',
  original: 'original',
  updates: 'Actualizaciones',
  disagreeTitle: 'Donde las fuentes no coinciden',
  disagreeIntro: 'Los medios dan cifras distintas o atribuyen una cita a personas distintas. Los originales están enlazados.',
  claim: 'Dato',
  value: 'Valor',
  reportedBy: 'Según',
  quote: 'Quién dijo «{quote}»',
  claims: { killed: 'muertos', dead: 'muertos', injured: 'heridos', wounded: 'heridos', missing: 'desaparecidos', arrested: 'detenidos', troops: 'soldados', people: 'personas', USD: 'dólares', EUR: 'euros', percent: 'por ciento', date: 'fecha' },
  splitFrom: 'Separada de la cobertura {story} el {time}',
};

const ar: StoryMessages = {
  sources: { zero: '{n} مصدر', one: 'مصدر واحد', two: 'مصدران', few: '{n} مصادر', many: '{n} مصدرًا', other: '{n} مصدر' },
  seeStory: 'اطّلع على القصة',
  story: 'قصة',
  toldBy: 'كما نقلها {outlet}',
  whoReported: 'من نشر الخبر',
  roleLead: 'مترجم هنا',
  roleReport: 'خبر',
  roleUpdate: 'تحديث',
  alsoCarriedBy: 'نشره أيضًا',
  readTranslation: 'اقرأ الترجمة',
  original: 'الأصل',
  updates: 'التحديثات',
  disagreeTitle: 'أين تختلف المصادر',
  disagreeIntro: 'تذكر وسائل الإعلام أرقامًا مختلفة أو تنسب اقتباسًا إلى أشخاص مختلفين. الروابط إلى الأصول متاحة.',
  claim: 'المعلومة',
  value: 'القيمة',
  reportedBy: 'بحسب',
  quote: 'من قال «{quote}»',
  claims: { killed: 'قتلى', dead: 'قتلى', injured: 'جرحى', wounded: 'جرحى', missing: 'مفقودون', arrested: 'معتقلون', troops: 'جنود', people: 'أشخاص', USD: 'دولار أمريكي', EUR: 'يورو', percent: 'بالمئة', date: 'التاريخ' },
  splitFrom: 'انفصلت عن القصة {story} في {time}',
};

const fr: StoryMessages = {
  sources: { one: '{n} source', other: '{n} sources' },
  seeStory: 'voir le sujet',
  story: 'Sujet',
  toldBy: 'Selon {outlet}',
  whoReported: 'Qui l’a publié',
  roleLead: 'traduit ici',
  roleReport: 'article',
  roleUpdate: 'mise à jour',
  alsoCarriedBy: 'Également repris par',
  readTranslation: 'lire la traduction',
  original: 'original',
  updates: 'Mises à jour',
  disagreeTitle: 'Où les sources divergent',
  disagreeIntro: 'Les médias donnent des chiffres différents ou attribuent une citation à des personnes différentes. Les originaux sont en lien.',
  claim: 'Donnée',
  value: 'Valeur',
  reportedBy: 'Selon',
  quote: 'Qui a dit « {quote} »',
  claims: { killed: 'morts', dead: 'morts', injured: 'blessés', wounded: 'blessés', missing: 'disparus', arrested: 'arrêtés', troops: 'soldats', people: 'personnes', USD: 'dollars US', EUR: 'euros', percent: 'pour cent', date: 'date' },
  splitFrom: 'Détaché du sujet {story} le {time}',
};

const ca: StoryMessages = {
  sources: { one: '{n} font', other: '{n} fonts' },
  seeStory: 'vegeu la cobertura',
  story: 'Cobertura',
  toldBy: 'Segons {outlet}',
  whoReported: 'Qui ho ha publicat',
  roleLead: 'traduïda aquí',
  roleReport: 'notícia',
  roleUpdate: 'actualització',
  alsoCarriedBy: 'També publicada per',
  readTranslation: 'llegiu la traducció',
  original: 'original',
  updates: 'Actualitzacions',
  disagreeTitle: 'On les fonts no coincideixen',
  disagreeIntro: 'Els mitjans donen xifres diferents o atribueixen una cita a persones diferents. Els originals estan enllaçats.',
  claim: 'Dada',
  value: 'Valor',
  reportedBy: 'Segons',
  quote: 'Qui va dir «{quote}»',
  claims: { killed: 'morts', dead: 'morts', injured: 'ferits', wounded: 'ferits', missing: 'desapareguts', arrested: 'detinguts', troops: 'soldats', people: 'persones', USD: 'dòlars', EUR: 'euros', percent: 'per cent', date: 'data' },
  splitFrom: 'Separada de la cobertura {story} el {time}',
};

const pt: StoryMessages = {
  sources: { one: '{n} fonte', other: '{n} fontes' },
  seeStory: 'ver a cobertura',
  story: 'Cobertura',
  toldBy: 'Segundo {outlet}',
  whoReported: 'Quem publicou',
  roleLead: 'traduzida aqui',
  roleReport: 'notícia',
  roleUpdate: 'atualização',
  alsoCarriedBy: 'Também publicada por',
  readTranslation: 'ler a tradução',
  original: 'original',
  updates: 'Atualizações',
  disagreeTitle: 'Onde as fontes divergem',
  disagreeIntro: 'Os meios dão números diferentes ou atribuem uma citação a pessoas diferentes. Os originais estão ligados.',
  claim: 'Dado',
  value: 'Valor',
  reportedBy: 'Segundo',
  quote: 'Quem disse «{quote}»',
  claims: { killed: 'mortos', dead: 'mortos', injured: 'feridos', wounded: 'feridos', missing: 'desaparecidos', arrested: 'detidos', troops: 'soldados', people: 'pessoas', USD: 'dólares', EUR: 'euros', percent: 'por cento', date: 'data' },
  splitFrom: 'Separada da cobertura {story} em {time}',
};

const de: StoryMessages = {
  sources: { one: '{n} Quelle', other: '{n} Quellen' },
  seeStory: 'zum Thema',
  story: 'Thema',
  toldBy: 'Laut {outlet}',
  whoReported: 'Wer berichtet hat',
  roleLead: 'hier übersetzt',
  roleReport: 'Bericht',
  roleUpdate: 'Aktualisierung',
  alsoCarriedBy: 'Auch veröffentlicht von',
  readTranslation: 'Übersetzung lesen',
  original: 'Original',
  updates: 'Aktualisierungen',
  disagreeTitle: 'Wo die Quellen sich widersprechen',
  disagreeIntro: 'Die Medien nennen unterschiedliche Zahlen oder schreiben ein Zitat verschiedenen Personen zu. Die Originale sind verlinkt.',
  claim: 'Angabe',
  value: 'Wert',
  reportedBy: 'Laut',
  quote: 'Wer sagte „{quote}“',
  claims: { killed: 'Tote', dead: 'Tote', injured: 'Verletzte', wounded: 'Verletzte', missing: 'Vermisste', arrested: 'Festnahmen', troops: 'Soldaten', people: 'Personen', USD: 'US-Dollar', EUR: 'Euro', percent: 'Prozent', date: 'Datum' },
  splitFrom: 'Am {time} vom Thema {story} abgetrennt',
};

const FILES: Record<string, StoryMessages> = { en, es, ar, fr, ca, pt, de };

export function storyMessages(lang: string): StoryMessages {
  return FILES[lang] ?? en;
}

/** "3 sources" in `lang`, by its plural rules. */
export function sourcesLabel(lang: string, n: number): string {
  const forms = storyMessages(lang).sources;
  let rule: Intl.LDMLPluralRule = 'other';
  try {
    rule = new Intl.PluralRules(lang).select(n);
  } catch {
    // An unknown language tag: the "other" form.
  }
  return (forms[rule] ?? forms.other).replace('{n}', new Intl.NumberFormat(lang).format(n));
}
