export { normalizeUrl } from './normalize-url.ts';
export { contentHash } from './content-hash.ts';
