/** ../shared/data/news-clusters-en/ (its README: 419 real articles labelled with 70 events), as the story benches read it. */
import { existsSync, readFileSync } from 'node:fs';

export interface NewsClustersRow {
  id: string;
  title: string | null;
  description: string | null;
  text: string | null;
  published: string | null;
  url: string;
  outlet: string;
  event_id: number;
}

export const NEWS_CLUSTERS_PATH = new URL('../../../shared/data/news-clusters-en/articles.jsonl', import.meta.url).pathname;

/** The set's articles in file order; a clear error where the data is not beside the project. */
export function loadNewsClusters(): NewsClustersRow[] {
  if (!existsSync(NEWS_CLUSTERS_PATH)) throw new Error(`bench: ${NEWS_CLUSTERS_PATH} is missing (the public data set beside the project: ../shared/data/news-clusters-en/)`);
  return readFileSync(NEWS_CLUSTERS_PATH, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as NewsClustersRow);
}
