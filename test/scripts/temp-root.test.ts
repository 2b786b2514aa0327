import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';

// The run's temporary root (test/helpers/temp-root.ts) is removed when the run ends; this only
// checks that every test file's tmpdir() is inside it, so nothing a test leaves stays in /tmp.
it('puts every temporary folder of the run under its own root', () => {
  expect(tmpdir()).toMatch(/\/transwire-test-[^/]+$/);
  expect(mkdtempSync(join(tmpdir(), 'tw-probe-')).startsWith(tmpdir())).toBe(true);
});
