/** The article as extracted from its page: text fields are plain text, `html` is sanitized. */
export interface ExtractedArticle {
  url: string;
  title: string | null;
  byline: string | null;
  published: string | null;
  modified: string | null;
  lang: string | null;
  dir: 'ltr' | 'rtl';
  siteName: string | null;
  canonical: string | null;
  image: { url: string; caption: string | null } | null;
  excerpt: string | null;
  /** Plain text; paragraphs separated by a blank line. */
  text: string;
  /** Sanitized HTML of the body. */
  html: string;
  /** The section the page files the story under (World, Science…); absent when it names none. */
  section?: string;
}
