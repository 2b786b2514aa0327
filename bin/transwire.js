#!/usr/bin/env node
// The CLI runs the TypeScript sources through tsx's loader: no build step to forget, and the
// code that runs is always the code in the tree.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/main.ts');
