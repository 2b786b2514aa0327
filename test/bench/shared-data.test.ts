import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sharedDataDir, sharedDataSet } from '../../bench/lib/shared-data.ts';

/**
 * The benches find the public data sets in one way: TRANSWIRE_SHARED_DATA, else ../shared/data
 * beside the project root. A clone without the data must be told where the benches looked, what
 * they wanted and how to point them at it — not die on a raw ENOENT. Temporary folders only:
 * these tests never read the real data.
 */
describe('the benches\' shared data folder', () => {
  let root: string;
  beforeAll(() => { root = mkdtempSync(join(tmpdir(), 'tw-shared-data-')); });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('is the folder TRANSWIRE_SHARED_DATA names, before the one beside the project', () => {
    const own = join(root, 'elsewhere');
    mkdirSync(join(own, 'news-clusters-en'), { recursive: true });
    const project = join(root, 'with-data', 'transwire');
    mkdirSync(join(root, 'with-data', 'shared', 'data', 'news-clusters-en'), { recursive: true });
    const env = { TRANSWIRE_SHARED_DATA: own };
    expect(sharedDataDir({ env, projectRoot: project })).toBe(own);
    expect(sharedDataSet('news-clusters-en', { env, projectRoot: project })).toBe(join(own, 'news-clusters-en'));
  });

  it('is ../shared/data beside the project root when the variable is unset', () => {
    const project = join(root, 'beside', 'transwire');
    mkdirSync(project, { recursive: true });
    mkdirSync(join(root, 'beside', 'shared', 'data', 'mt-dev-wmt24-en-es'), { recursive: true });
    expect(sharedDataDir({ env: {}, projectRoot: project })).toBe(join(root, 'beside', 'shared', 'data'));
    expect(sharedDataSet('mt-dev-wmt24-en-es', { env: {}, projectRoot: project })).toBe(join(root, 'beside', 'shared', 'data', 'mt-dev-wmt24-en-es'));
  });

  it('missing beside a clone: the error names the folder it looked in, the data and the variable', () => {
    const project = join(root, 'clone', 'transwire');
    mkdirSync(project, { recursive: true });
    const looked = join(root, 'clone', 'shared', 'data');
    expect(() => sharedDataDir({ env: {}, projectRoot: project })).toThrow(looked);
    expect(() => sharedDataDir({ env: {}, projectRoot: project })).toThrow(/public data sets .*news-clusters-en/);
    expect(() => sharedDataSet('news-clusters-en', { env: {}, projectRoot: project })).toThrow(/set TRANSWIRE_SHARED_DATA to the folder that holds them/);
  });

  it('a variable naming no folder: the error names that folder and the variable', () => {
    const gone = join(root, 'no-such-folder');
    expect(() => sharedDataDir({ env: { TRANSWIRE_SHARED_DATA: gone } })).toThrow(`TRANSWIRE_SHARED_DATA names ${gone}, which does not exist`);
  });

  it('a folder without the data set asked for: the error names the data set\'s folder', () => {
    const partial = join(root, 'partial');
    mkdirSync(join(partial, 'news-clusters-en'), { recursive: true });
    expect(() => sharedDataSet('article-extraction-benchmark', { env: { TRANSWIRE_SHARED_DATA: partial } }))
      .toThrow(`${join(partial, 'article-extraction-benchmark')} is missing`);
  });
});
