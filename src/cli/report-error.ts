import { inspect } from 'node:util';
import { ConfigError } from '../config/load-config.ts';
import { TranswireError } from '../domain/errors.ts';
import { UsageError } from './usage-error.ts';

/**
 * Writes an error the way an operator reads it, and returns the exit code: a usage mistake is one
 * line and 2; a configuration problem is one line per problem naming the file and key, and 1; any
 * other failure is one line and 1. The stack trace only with --debug.
 */
export function reportError(err: unknown, opts: { debug: boolean; write?: (s: string) => void }): number {
  const write = opts.write ?? ((s: string) => process.stderr.write(s));
  if (err instanceof UsageError) {
    const help = err.command === 'transwire' ? 'transwire --help' : `transwire ${err.command} --help`;
    write(`transwire: ${err.command === 'transwire' ? '' : `${err.command}: `}${err.message}; see ${help}\n`);
    return 2;
  }
  if (err instanceof ConfigError) {
    for (const problem of err.problems) write(`transwire: config${err.file ? ` ${err.file}` : ''}: ${problem}\n`);
  } else if (err instanceof TranswireError) {
    write(`transwire: ${oneLine(err.message)}\n`);
    if (err.code === 'cli.usage') return 2;
  } else {
    write(`transwire: ${oneLine(err instanceof Error ? err.message : String(err))}${opts.debug ? '' : ' (--debug prints the stack trace)'}\n`);
  }
  if (opts.debug) write(`${inspect(err, { depth: 4 })}\n`);
  return 1;
}

function oneLine(message: string): string {
  return message.replace(/\s*\n\s*/g, '; ');
}
