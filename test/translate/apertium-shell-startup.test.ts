import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createApertiumEngine } from '../../src/translate/engines/apertium/apertium-engine.ts';

// bash sources ~/.bashrc when its stdin is a socket, and the stdin Node gives a child is one: the
// pipeline must not run the user's rc file (a slow one stalled every call; a chatty one would
// print into the translation).
describe('the apertium pipeline runs no shell start-up file', () => {
  const home = mkdtempSync(join(tmpdir(), 'tw-home-'));
  const marker = join(home, 'rc-ran');
  const saved = { HOME: process.env.HOME, SHLVL: process.env.SHLVL };
  afterAll(() => {
    Object.assign(process.env, saved);
    rmSync(home, { recursive: true, force: true });
  });

  it('translates with a ~/.bashrc that prints and leaves a mark', async () => {
    try {
      execFileSync('apertium', ['-l']);
    } catch (err) {
      throw new Error(`Apertium is not installed (apt-get install apertium apertium-eng-spa): ${(err as Error).message}`);
    }
    writeFileSync(join(home, '.bashrc'), `echo GARBAGE-FROM-BASHRC; touch '${marker}'\n`);
    // bash reads the rc file for a socket stdin only at shell level < 2: as a login session's child.
    Object.assign(process.env, { HOME: home, SHLVL: '0' });
    const engine = createApertiumEngine({ modes: ['eng-spa'] });
    try {
      const [out] = await engine.translate(['The house is red.'], 'en', 'es');
      expect(out).toBe('La casa es roja.');
      expect(existsSync(marker)).toBe(false);
    } finally {
      await engine.close();
    }
  }, 60_000);
});
