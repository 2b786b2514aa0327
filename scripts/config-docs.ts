// npm run docs:config — writes docs/configuration.md from the configuration schema.
import { writeFileSync } from 'node:fs';
import { renderConfigDocs } from '../src/config/config-docs.ts';

const target = new URL('../docs/configuration.md', import.meta.url);
writeFileSync(target, renderConfigDocs());
console.log(`wrote ${target.pathname}`);
