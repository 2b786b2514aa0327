import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { chromium, type Browser, type Page } from 'playwright-core';
import { expect } from 'vitest';

/** What the browser tests share: Debian's Chromium, axe, the widths and where screenshots go. */
const CHROMIUM = '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** A phone and a desktop. */
export const WIDTHS = [375, 1280] as const;
export const SHOTS = new URL('../../artifacts/screenshots/', import.meta.url).pathname;

/** Never skipped: a machine without Debian's Chromium fails here, saying what to install. */
export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) throw new Error(`browser tests need Debian's Chromium at ${CHROMIUM}: apt-get install -y chromium`);
  mkdirSync(SHOTS, { recursive: true });
  return chromium.launch({ executablePath: CHROMIUM, args: ARGS });
}

/** The serious and critical axe findings on the page now shown. */
export async function seriousAxeViolations(page: Page): Promise<string[]> {
  // Evaluated through the DevTools protocol, so the page's CSP does not apply.
  await page.evaluate(AXE);
  const result = await page.evaluate(async () => {
    const r = await (window as unknown as { axe: { run(ctx: Document, o: object): Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }> } })
      .axe.run(document, { resultTypes: ['violations'] });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, targets: v.nodes.map((n) => n.target.join(' ')).slice(0, 3) }));
  });
  return result.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id} (${v.impact}): ${v.targets.join(', ')}`);
}

/** How far the page scrolls sideways (0 or less: it fits). */
export function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
}

/** No serious axe finding and no sideways scrolling at `width`; `name` labels the failures. */
export async function expectAccessibleAndFitting(page: Page, name: string, width: number): Promise<void> {
  expect(await seriousAxeViolations(page), `${name}: serious or critical axe violations`).toEqual([]);
  expect(await horizontalOverflow(page), `${name}: horizontal overflow at ${width}px`).toBeLessThanOrEqual(0);
}

/** A full-page screenshot in artifacts/screenshots/ (`file` without .png). */
export function screenshot(page: Page, file: string): Promise<Buffer> {
  return page.screenshot({ path: `${SHOTS}${file}.png`, fullPage: true });
}
