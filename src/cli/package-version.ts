import { readFileSync } from 'node:fs';

/** True when this is the compiled package (dist/src/cli/*.js), not the TypeScript sources. */
export const RUNNING_COMPILED = import.meta.url.endsWith('.js');

/** package.json's version: two folders above src/cli/, three above dist/src/cli/. */
export function packageVersion(): string {
  const url = new URL(RUNNING_COMPILED ? '../../../package.json' : '../../package.json', import.meta.url);
  return (JSON.parse(readFileSync(url, 'utf8')) as { version: string }).version;
}
