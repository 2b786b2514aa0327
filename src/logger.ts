import pino from 'pino';

export type Logger = pino.Logger;

/** Structured logs with snake_case keys, to stderr so stdout stays for command output. */
export function createLogger(opts: { level?: string; name?: string } = {}): Logger {
  return pino({ name: opts.name ?? 'transwire', level: opts.level ?? 'info' }, pino.destination(2));
}
