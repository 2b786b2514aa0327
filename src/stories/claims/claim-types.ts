/** The claims interface the story page renders (contract: /tmp/stories-contract.md, issue 12 §5). */
export interface ClaimSource {
  articleId: string;
  outlet: string;
  url: string;
  lang: string;
  text: string;
  publishedAt?: Date | null;
}

export interface ClaimValue {
  articleId: string;
  outlet: string;
  url: string;
  /** As the outlet wrote it. */
  shown: string;
}

export interface Disagreement {
  kind: 'figure' | 'speaker';
  /** What is counted or quoted, in English words: "killed", "injured", "troops", "USD", "percent", or the quotation's first words. */
  claim: string;
  /** One entry per distinct value (a figure normalized to a number; a speaker's name), each with the outlets that gave it. */
  values: Array<{ value: string; sources: ClaimValue[] }>;
}
