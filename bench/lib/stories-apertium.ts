import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { decodeEntities } from '../../src/shared/entities.ts';
import { escapeHtml } from '../../src/shared/escape-html.ts';
import { createApertiumEngine, type ApertiumEngine } from '../../src/translate/engines/apertium/apertium-engine.ts';
import { toIso1 } from '../../src/translate/engines/apertium/iso639.ts';

/** Where bench:stories keeps Apertium's translations between runs (gitignored). */
export const CACHE_DIR = new URL('../../.cache/stories-bench/', import.meta.url).pathname;

/** Segments per call: the engine's own batch limit. */
const BATCH = 200;

/**
 * Translates plain-text segments with real Apertium through the project's engine: one warm
 * `apertium -z` pipeline per mode, every segment NUL-terminated and marked, so each answer is
 * proven to be its own segment's (the line-based text mode this replaced could split or join
 * lines inside a paragraph and shift every later answer). Each segment is remembered on disk
 * (`<mode>.segments.json`) so a rerun costs nothing.
 */
export async function apertiumSegments(segments: string[], mode: string, cacheDir = CACHE_DIR): Promise<string[]> {
  mkdirSync(cacheDir, { recursive: true });
  const file = join(cacheDir, `${mode}.segments.json`);
  let cache: Record<string, string> = {};
  try {
    cache = JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>;
  } catch {
    // First run: nothing cached yet.
  }
  const key = (s: string) => createHash('sha1').update(s).digest('base64url');
  const missing = [...new Set(segments.filter((s) => s.trim() && !(key(s) in cache)))];
  if (missing.length > 0) {
    const [from, to] = isoPair(mode);
    const engine = engineFor(mode);
    try {
      for (let i = 0; i < missing.length; i += BATCH) {
        const chunk = missing.slice(i, i + BATCH);
        const out = await engine.translate(chunk.map((s) => escapeHtml(oneLine(s))), from, to);
        chunk.forEach((s, j) => (cache[key(s)] = decodeEntities(out[j]!).trim()));
        writeFileSync(file, JSON.stringify(cache));
      }
    } catch (err) {
      throw new Error(`bench:stories: apertium ${mode} failed (apt-get install -y apertium apertium-eng-spa): ${(err as Error).message}`, { cause: err });
    } finally {
      await engine.close();
    }
  }
  return segments.map((s) => (s.trim() ? cache[key(s)]! : s));
}

function engineFor(mode: string): ApertiumEngine {
  return createApertiumEngine({ modes: [mode], timeoutMs: 600_000 });
}

/** "eng-spa" → ["en", "es"]: the engine is asked by ISO 639-1 pair. */
function isoPair(mode: string): [string, string] {
  const [a, b] = mode.split('-') as [string, string];
  return [toIso1(a), toIso1(b)];
}

function oneLine(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}
