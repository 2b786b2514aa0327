import { existsSync } from 'node:fs';
import { execFileSync } from 'node:child_process';

/**
 * Tests that need a system tool fail loudly when it is missing: a silent skip would let a machine
 * without Apertium or Chromium pass.
 */
export function requireApertiumPair(pair = 'eng-spa'): void {
  let pairs = '';
  try {
    pairs = execFileSync('apertium', ['-l'], { encoding: 'utf8' });
  } catch {
    throw new Error(`Apertium is not installed: apt-get install -y apertium apertium-${pair} (or run npm test, which installs it)`);
  }
  if (!pairs.split(/\s+/).includes(pair)) {
    throw new Error(`The Apertium pair ${pair} is not installed: apt-get install -y apertium-${pair}`);
  }
}

export function requireFile(path: string, install: string): void {
  if (!existsSync(path)) throw new Error(`${path} is missing: ${install}`);
}
