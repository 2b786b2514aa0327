export { extractArticle, type ExtractOptions } from './extract-article.ts';
export { sanitizeHtml } from './sanitize-html.ts';
export { detectLanguage, type DetectedLanguage } from './detect-language.ts';
