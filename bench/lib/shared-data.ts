/**
 * Where the benches find the public data sets they measure on (article-extraction-benchmark,
 * mt-dev-wmt24-en-es, news-clusters-en): the folder named by TRANSWIRE_SHARED_DATA, else
 * ../shared/data beside the project root. One place, so that a clone elsewhere gets one clear
 * error saying where it looked and how to point it at the data, never a raw ENOENT mid-bench.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const SHARED_DATA_ENV = 'TRANSWIRE_SHARED_DATA';

const PROJECT_ROOT = resolve(import.meta.dirname, '../..');
const WHAT = 'the public data sets the benches measure on (article-extraction-benchmark, mt-dev-wmt24-en-es, news-clusters-en)';

/** Where to look; the defaults are this process's environment and this checkout (tests pass their own). */
export interface SharedDataOptions {
  env?: Record<string, string | undefined>;
  projectRoot?: string;
}

/** The folder holding the data sets; throws, naming the folder, the data and the env var, where it is missing. */
export function sharedDataDir(o: SharedDataOptions = {}): string {
  const fromEnv = (o.env ?? process.env)[SHARED_DATA_ENV];
  if (fromEnv) {
    const dir = resolve(fromEnv);
    if (!existsSync(dir)) throw new Error(`bench: ${SHARED_DATA_ENV} names ${dir}, which does not exist: it should be the folder holding ${WHAT}`);
    return dir;
  }
  const dir = join(o.projectRoot ?? PROJECT_ROOT, '..', 'shared', 'data');
  if (!existsSync(dir)) {
    throw new Error(`bench: ${WHAT} are not in ${dir} (../shared/data beside the project root); set ${SHARED_DATA_ENV} to the folder that holds them`);
  }
  return dir;
}

/** One data set's folder (`news-clusters-en`, …); throws, naming the folder it looked for, where it is missing. */
export function sharedDataSet(name: string, o: SharedDataOptions = {}): string {
  const dir = join(sharedDataDir(o), name);
  if (!existsSync(dir)) throw new Error(`bench: ${dir} is missing: the data folder lacks the ${name} data set (${WHAT}; ${SHARED_DATA_ENV} chooses the folder)`);
  return dir;
}
