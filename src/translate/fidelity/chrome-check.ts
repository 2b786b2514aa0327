import type { Finding } from '../../domain/translation.ts';
import type { Unit } from './unit.ts';

/**
 * Page chrome scraped into the text ("Back to top button" on the seed page): never part of an
 * article, in the source or in its translation.
 */
const CHROME = [
  /\bback to top\b/i, /\bscroll to top\b/i, /\bshare (this|on) (article|story|facebook|twitter|x|whatsapp)\b/i,
  /^\s*(share|tweet|print|email|advertisement|related articles?|read more|subscribe( now)?|sign up for our newsletter)\s*$/i,
  /\bvolver arriba\b/i, /\bir arriba\b/i, /\bcompartir en (facebook|twitter|whatsapp)\b/i, /\bretour en haut\b/i,
  /\bwe transmit this news automatically\b/i,
];

/** All of them in one pattern: the gate tests every paragraph on both sides. */
const ANY_CHROME = new RegExp(CHROME.map((re) => `(?:${re.source})`).join('|'), 'i');

export function checkChrome(units: Unit[]): Finding[] {
  const findings: Finding[] = [];
  for (const u of units) {
    const where = ANY_CHROME.test(u.sourceText) ? 'source' : ANY_CHROME.test(u.targetText) ? 'translation' : null;
    if (!where) continue;
    findings.push({ check: 'chrome', severity: 'error', segment: u.segment, source: u.sourceText, target: u.targetText, detail: `${u.label}page chrome in the ${where} ("${u.sourceText.slice(0, 60)}"), not article text` });
  }
  return findings;
}
