// Pages tidy the engines' quotation spacing again for translations stored before the translator did.
export { tidyQuoteSpacing as tidyText, tidyQuoteSpacingHtml as tidyHtml } from '../shared/quote-spacing.ts';

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
