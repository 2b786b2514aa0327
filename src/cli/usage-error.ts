import { PermanentError } from '../domain/errors.ts';

/** A mistake in how a command was typed: one line on stderr, exit code 2. */
export class UsageError extends PermanentError {
  constructor(readonly command: string, message: string) {
    super(message, 'cli.usage');
  }
}

/** `--help` was asked for: the text goes to stdout, exit code 0. */
export class HelpRequest extends Error {
  constructor(readonly text: string) {
    super('help requested');
  }
}
