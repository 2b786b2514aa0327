export { extractArticle, type ExtractOptions, type Extraction } from './extract-article.ts';
export { sanitizeHtml } from './sanitize-html.ts';
export { detectLanguage, type DetectedLanguage } from './detect-language.ts';
