import pino from 'pino';
import { prettyStream } from './pretty-log.ts';

export type Logger = pino.Logger;

export type LogFormat = 'auto' | 'pretty' | 'json';

/**
 * Structured logs with snake_case keys, to stderr so stdout stays for command output: one
 * readable line per event on a terminal, JSON lines otherwise (or as asked).
 */
export function createLogger(opts: { level?: string; name?: string; format?: LogFormat } = {}): Logger {
  const pretty = opts.format === 'pretty' || ((opts.format ?? 'auto') === 'auto' && process.stderr.isTTY === true);
  const options = { name: opts.name ?? 'transwire', level: opts.level ?? 'info' };
  return pretty ? pino(options, prettyStream({ color: process.stderr.isTTY === true && !process.env.NO_COLOR })) : pino(options, pino.destination(2));
}
