import { UsageError } from './usage-error.ts';

/** A password piped in (`--password-stdin`): all of stdin, without the final newline. */
export async function readPasswordFromStdin(): Promise<string> {
  if (process.stdin.isTTY) throw new UsageError('user', '--password-stdin reads a password piped in (printf "%s" "$PASSWORD" | transwire …), not typed');
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8').replace(/\r?\n$/, '');
  if (!text) throw new UsageError('user', '--password-stdin: stdin was empty');
  return text;
}
