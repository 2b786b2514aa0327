/**
 * Typography the engines get wrong, tidied where the page is rendered (the stored translation is
 * left as the engine and the gate saw it). Apertium pads quotation marks with spaces as it would
 * words (`“ Lo que dijo ”`); no language this site writes wants a space inside curly quotes, nor
 * after an opening `¿`/`¡`. French guillemets keep their (thin) spaces: that is French usage.
 */
const OPEN = /([“‘„¿¡])[ \u00a0]+(?=\S)/g;
const CLOSE = /(\S)[ \u00a0]+([”])/g;
const GUILLEMET_OPEN = /«[ \u00a0]+(?=\S)/g;
const GUILLEMET_CLOSE = /(\S)[ \u00a0]+»/g;

export function tidyText(lang: string, text: string): string {
  let out = text.replace(OPEN, '$1').replace(CLOSE, '$1$2');
  if (!/^fr\b/.test(lang)) out = out.replace(GUILLEMET_OPEN, '«').replace(GUILLEMET_CLOSE, '$1»');
  return out;
}

/** The same in HTML: text between tags only, never inside a tag or its attributes. */
export function tidyHtml(lang: string, html: string): string {
  return html.replace(/(^|>)([^<]+)/g, (_, gt: string, text: string) => gt + tidyText(lang, text));
}

const ENGINE_NAMES: Record<string, string> = {
  apertium: 'Apertium',
  deepl: 'DeepL',
  google: 'Google Translate',
  libretranslate: 'LibreTranslate',
  openai: 'an OpenAI-compatible model',
};

/** The engine as readers know it (`apertium` → Apertium); a pivot chain `a>b` names both. */
export function engineName(label: string): string {
  return label.split('>').map((part) => ENGINE_NAMES[part.trim().toLowerCase()] ?? part.trim()).join(' + ');
}
