/**
 * pino's JSON lines made readable on a terminal, one line per event:
 * `14:02:17 WARN  poll failed  source_id=3 err="HTTP 500 from …"`. Small on purpose: the JSON
 * stays the contract (pipes, files, `--log-format json`); this is only for eyes.
 */
const LEVELS: Record<number, { label: string; color: string }> = {
  10: { label: 'TRACE', color: '90' },
  20: { label: 'DEBUG', color: '90' },
  30: { label: 'INFO ', color: '36' },
  40: { label: 'WARN ', color: '33' },
  50: { label: 'ERROR', color: '31' },
  60: { label: 'FATAL', color: '41;97' },
};
const HIDDEN = new Set(['level', 'time', 'pid', 'hostname', 'name', 'msg', 'v']);

export function formatLogLine(line: string, opts: { color?: boolean } = {}): string {
  let event: Record<string, unknown>;
  try {
    event = JSON.parse(line) as Record<string, unknown>;
  } catch {
    return line.endsWith('\n') ? line : `${line}\n`;
  }
  const paint = (code: string, text: string) => (opts.color ? `\x1b[${code}m${text}\x1b[0m` : text);
  const level = LEVELS[Number(event.level)] ?? { label: String(event.level).toUpperCase().padEnd(5), color: '0' };
  const time = new Date(Number(event.time) || Date.now()).toTimeString().slice(0, 8);
  const fields = Object.entries(event)
    .filter(([k, v]) => !HIDDEN.has(k) && v !== undefined)
    .map(([k, v]) => `${paint('2', `${k}=`)}${show(v)}`);
  return `${paint('2', time)} ${paint(level.color, level.label)} ${String(event.msg ?? '')}${fields.length ? `  ${fields.join(' ')}` : ''}\n`;
}

function show(v: unknown): string {
  if (v && typeof v === 'object' && 'message' in v && typeof (v as { message: unknown }).message === 'string') return JSON.stringify((v as { message: string }).message);
  if (typeof v === 'string') return /^[\w.:/@%+-]+$/.test(v) ? v : JSON.stringify(v);
  return JSON.stringify(v) ?? String(v);
}

/** A pino destination that writes formatted lines to stderr, synchronously like pino.destination(2). */
export function prettyStream(opts: { color?: boolean; write?: (s: string) => void } = {}): { write(chunk: string): void } {
  const write = opts.write ?? ((s: string) => process.stderr.write(s));
  return {
    write(chunk: string) {
      for (const line of chunk.split('\n')) if (line) write(formatLogLine(line, opts));
    },
  };
}
