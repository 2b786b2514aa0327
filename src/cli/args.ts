import { parseArgs, type ParseArgsConfig } from 'node:util';
import { loadConfig } from '../config/load-config.ts';
import type { Config } from '../config/schema.ts';

type Options = NonNullable<ParseArgsConfig['options']>;

/** Parses a command's argv with the global `--config PATH` always accepted. */
export function parseCommandArgs<O extends Options>(argv: string[], options: O) {
  return parseArgs({ args: argv, options: { ...options, config: { type: 'string' } }, allowPositionals: true, strict: true });
}

export function configFrom(values: { config?: unknown }, overrides?: (raw: Record<string, unknown>) => Record<string, unknown>): Config {
  return loadConfig({ path: typeof values.config === 'string' ? values.config : null, overrides });
}

/** Resolves when the process is asked to stop (Ctrl-C, SIGTERM). */
export function untilSignal(): Promise<string> {
  return new Promise((resolve) => {
    process.once('SIGINT', () => resolve('SIGINT'));
    process.once('SIGTERM', () => resolve('SIGTERM'));
  });
}
