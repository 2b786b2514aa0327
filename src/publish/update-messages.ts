/** A count's words by plural category (Intl.PluralRules); `other` where a language has no `one`. */
export interface Counted {
  one?: string;
  other: string;
}

/** The strings of the notes about the source (render-updates.ts), per page language. */
export interface UpdateMessages {
  label: string;
  updated: string;
  gone: string;
  headline: string;
  added: Counted;
  changed: Counted;
  removed: Counted;
  figures: Counted;
  minor: string;
}

const en: UpdateMessages = {
  label: 'Changes at the source',
  updated: 'Updated {time}: the source changed this story ({list}).',
  gone: 'The original article is no longer available at the source, as of {date}.',
  headline: 'headline changed',
  added: { one: '{n} paragraph added', other: '{n} paragraphs added' },
  changed: { one: '{n} paragraph changed', other: '{n} paragraphs changed' },
  removed: { one: '{n} paragraph removed', other: '{n} paragraphs removed' },
  figures: { one: 'figure changed: {list}', other: 'figures changed: {list}' },
  minor: 'minor changes',
};

const es: UpdateMessages = {
  label: 'Cambios en la fuente',
  updated: 'Actualizado el {time}: la fuente modificó esta noticia ({list}).',
  gone: 'El artículo original ya no está disponible en la fuente desde el {date}.',
  headline: 'titular cambiado',
  added: { one: '{n} párrafo añadido', other: '{n} párrafos añadidos' },
  changed: { one: '{n} párrafo modificado', other: '{n} párrafos modificados' },
  removed: { one: '{n} párrafo eliminado', other: '{n} párrafos eliminados' },
  figures: { one: 'cifra cambiada: {list}', other: 'cifras cambiadas: {list}' },
  minor: 'cambios menores',
};

const fr: UpdateMessages = {
  label: 'Modifications à la source',
  updated: 'Mis à jour le {time}\u00a0: la source a modifié cet article ({list}).',
  gone: 'L’article original n’est plus disponible à la source depuis le {date}.',
  headline: 'titre modifié',
  added: { one: '{n} paragraphe ajouté', other: '{n} paragraphes ajoutés' },
  changed: { one: '{n} paragraphe modifié', other: '{n} paragraphes modifiés' },
  removed: { one: '{n} paragraphe supprimé', other: '{n} paragraphes supprimés' },
  figures: { one: 'chiffre modifié\u00a0: {list}', other: 'chiffres modifiés\u00a0: {list}' },
  minor: 'modifications mineures',
};

const ca: UpdateMessages = {
  label: 'Canvis a la font',
  updated: 'Actualitzat el {time}: la font ha modificat aquesta notícia ({list}).',
  gone: 'L’article original ja no està disponible a la font des del {date}.',
  headline: 'titular canviat',
  added: { one: '{n} paràgraf afegit', other: '{n} paràgrafs afegits' },
  changed: { one: '{n} paràgraf modificat', other: '{n} paràgrafs modificats' },
  removed: { one: '{n} paràgraf eliminat', other: '{n} paràgrafs eliminats' },
  figures: { one: 'xifra canviada: {list}', other: 'xifres canviades: {list}' },
  minor: 'canvis menors',
};

const pt: UpdateMessages = {
  label: 'Alterações na fonte',
  updated: 'Atualizado em {time}: a fonte alterou esta notícia ({list}).',
  gone: 'O artigo original já não está disponível na fonte desde {date}.',
  headline: 'título alterado',
  added: { one: '{n} parágrafo acrescentado', other: '{n} parágrafos acrescentados' },
  changed: { one: '{n} parágrafo alterado', other: '{n} parágrafos alterados' },
  removed: { one: '{n} parágrafo removido', other: '{n} parágrafos removidos' },
  figures: { one: 'número alterado: {list}', other: 'números alterados: {list}' },
  minor: 'pequenas alterações',
};

const de: UpdateMessages = {
  label: 'Änderungen an der Quelle',
  updated: 'Aktualisiert am {time}: Die Quelle hat diesen Artikel geändert ({list}).',
  gone: 'Der Originalartikel ist seit dem {date} bei der Quelle nicht mehr verfügbar.',
  headline: 'Überschrift geändert',
  added: { one: '{n} Absatz hinzugefügt', other: '{n} Absätze hinzugefügt' },
  changed: { one: '{n} Absatz geändert', other: '{n} Absätze geändert' },
  removed: { one: '{n} Absatz entfernt', other: '{n} Absätze entfernt' },
  figures: { one: 'Zahl geändert: {list}', other: 'Zahlen geändert: {list}' },
  minor: 'kleine Änderungen',
};

// Counts as "label: n", which reads right whatever the number's plural form.
const ar: UpdateMessages = {
  label: 'تغييرات في المصدر',
  updated: 'حُدِّث في {time}: عدّل المصدر هذا الخبر ({list}).',
  gone: 'لم يعد المقال الأصلي متاحًا في المصدر منذ {date}.',
  headline: 'تغيّر العنوان',
  added: { other: 'فقرات مضافة: {n}' },
  changed: { other: 'فقرات معدّلة: {n}' },
  removed: { other: 'فقرات محذوفة: {n}' },
  figures: { other: 'أرقام تغيّرت: {list}' },
  minor: 'تغييرات طفيفة',
};

const FILES: Record<string, UpdateMessages> = { en, es, fr, ca, pt, de, ar };

/** The notes' strings for a page language; English where none are written yet. */
export function updateMessages(lang: string): UpdateMessages {
  return FILES[lang] ?? en;
}
