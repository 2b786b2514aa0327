/** What changed in a source article between two fetches: what the page's "Updated" note lists. */
export interface SourceChanges {
  headlineChanged: boolean;
  paragraphsAdded: number;
  paragraphsChanged: number;
  paragraphsRemoved: number;
  /**
   * Figures a changed paragraph (or the headline) now gives instead of another, old → new: the
   * value read in the source's notation, or the literal where it reads as no number there.
   */
  figures: Array<{ from: number | string; to: number | string }>;
}

/** One change of the source as a page shows it: when we found it, and what it was. */
export interface SourceUpdate {
  at: Date;
  changes: SourceChanges;
}
