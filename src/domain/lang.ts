const RTL = new Set(['ar', 'fa', 'he', 'ur', 'ps', 'sd', 'ug', 'yi', 'dv', 'ckb']);

/** The primary subtag of a BCP 47 tag, lowercased: `en-GB` → `en`. */
export function primaryLang(tag: string | null | undefined): string | null {
  if (!tag) return null;
  const primary = tag.trim().toLowerCase().split(/[-_]/)[0];
  return primary && /^[a-z]{2,3}$/.test(primary) ? primary : null;
}

export function textDirection(lang: string | null | undefined): 'ltr' | 'rtl' {
  const primary = primaryLang(lang);
  return primary && RTL.has(primary) ? 'rtl' : 'ltr';
}
