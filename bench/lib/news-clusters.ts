/** news-clusters-en from the shared data folder (its README: 419 real articles labelled with 70 events), as the story benches read it. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sharedDataSet } from './shared-data.ts';

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

/** The set's articles in file order; a clear error where the data folder is not found (bench/lib/shared-data.ts). */
export function loadNewsClusters(): NewsClustersRow[] {
  const file = join(sharedDataSet('news-clusters-en'), 'articles.jsonl');
  return readFileSync(file, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as NewsClustersRow);
}
