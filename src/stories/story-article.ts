/** What story placement needs of an article: the extracted text, its language and its time. */
export interface StoryArticle {
  /** The caller's key (the article's id in the store, a line's id in the CLI). */
  id: string;
  /** ISO 639-1 code of the text. */
  lang: string;
  title: string;
  /** The standfirst or description; when absent, the first words of the text stand for it. */
  lead?: string | null;
  text: string;
  /** Publication time at the source; null when unknown (compared on content alone). */
  published: Date | null;
  url?: string | null;
  outlet?: string | null;
}

/** The title and lead of an article in the pivot language, as the caller's engines gave them. */
export interface TranslatedHead {
  title: string;
  lead: string;
}

/** Translates short texts from one language to another; the caller's engines (with a cache). */
export type TranslateTexts = (texts: string[], from: string, to: string) => Promise<string[]>;
