import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';

/** The console's stylesheet, read once; its URL carries its hash, so it is cached for a year and never stale. */
export const CONSOLE_CSS = readFileSync(new URL('./assets/console.css', import.meta.url), 'utf8');
export const CONSOLE_CSS_URL = `/admin/assets/console.css?v=${createHash('sha256').update(CONSOLE_CSS).digest('hex').slice(0, 10)}`;
