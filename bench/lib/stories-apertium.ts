import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Where bench:stories keeps Apertium's translations between runs (gitignored). */
export const CACHE_DIR = new URL('../../.cache/stories-bench/', import.meta.url).pathname;

/**
 * Translates lines of plain text with real `apertium <mode>` (one process for all lines: its text
 * mode keeps line breaks), remembering each line on disk so a rerun costs nothing.
 */
export async function apertiumLines(lines: string[], mode: string): Promise<string[]> {
  mkdirSync(CACHE_DIR, { recursive: true });
  const file = join(CACHE_DIR, `${mode}.json`);
  let cache: Record<string, string> = {};
  try {
    cache = JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>;
  } catch {
    // First run: nothing cached yet.
  }
  const key = (l: string) => createHash('sha1').update(l).digest('base64url');
  const missing = [...new Set(lines.filter((l) => l.trim() && !(key(l) in cache)))];
  // Chunks keep one call's input modest; a chunk whose line count changes is halved until the
  // line that upsets Apertium's text mode is alone (then its whole output is its translation).
  for (let i = 0; i < missing.length; i += 400) {
    const chunk = missing.slice(i, i + 400);
    const out = await translateChunk(chunk, mode);
    chunk.forEach((l, j) => (cache[key(l)] = out[j]!.trim()));
    writeFileSync(file, JSON.stringify(cache));
  }
  return lines.map((l) => (l.trim() ? cache[key(l)]! : l));
}

async function translateChunk(chunk: string[], mode: string): Promise<string[]> {
  const raw = await runApertium(chunk.map(oneLine).join('\n'), mode);
  if (chunk.length === 1) return [raw.replace(/\s+/g, ' ')];
  const out = raw.replace(/\n$/, '').split('\n');
  if (out.length === chunk.length) return out;
  const half = chunk.length >> 1;
  return [...(await translateChunk(chunk.slice(0, half), mode)), ...(await translateChunk(chunk.slice(half), mode))];
}

function oneLine(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

function runApertium(input: string, mode: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = execFile('apertium', ['-u', mode], { maxBuffer: 256 * 1024 * 1024 }, (err, stdout) => {
      if (err) reject(new Error(`bench:stories: apertium ${mode} failed (apt-get install -y apertium apertium-eng-spa): ${err.message}`));
      else resolve(stdout);
    });
    child.stdin?.end(`${input}\n`);
  });
}
