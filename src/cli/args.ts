import { parseArgs, type ParseArgsConfig } from 'node:util';
import { loadConfig } from '../config/load-config.ts';
import type { Config } from '../config/schema.ts';
import { closest } from '../domain/closest.ts';
import { HelpRequest, UsageError } from './usage-error.ts';

export { HelpRequest, UsageError } from './usage-error.ts';

type ArgOption = NonNullable<ParseArgsConfig['options']>[string];
/** A parseArgs option, plus what `--help` says about it. */
export type OptionSpec = ArgOption & { help?: string; arg?: string };
type Options = Record<string, OptionSpec>;

/** What `transwire <command> --help` prints, and what the parser checks beyond the options. */
export interface CommandSpec<O extends Options> {
  /** `preview`, `source`. */
  name: string;
  /** The arguments after the command: `<url>`, `<file>…`. */
  args?: string;
  summary: string;
  options: O;
  /** How many positional arguments (after the action, if any). */
  positionals?: { min?: number; max?: number };
  /** Actions (`source add|list…`): the first positional must be one of them. */
  actions?: Record<string, { args?: string; summary: string; positionals?: { min?: number; max?: number } }>;
  /** Lines shown under the options (examples, notes). */
  notes?: string[];
}

/** Options every command accepts. */
export const GLOBAL_OPTIONS = {
  config: { type: 'string', arg: 'PATH', help: 'configuration file (default: ./transwire.yaml if present)' },
  'log-format': { type: 'string', arg: 'pretty|json', help: 'log lines for people or for machines (default: pretty on a terminal, JSON otherwise)' },
  debug: { type: 'boolean', help: 'print the stack trace of an error' },
  help: { type: 'boolean', short: 'h', help: 'this help' },
} as const satisfies Options;

let currentCommand = 'transwire';
/** Set by main.ts so that a command parsed with bare options still names itself in errors and help. */
export function setCurrentCommand(name: string): void {
  currentCommand = name;
}

/**
 * Parses a command's argv (node:util parseArgs, typed by the options) with the global options
 * always accepted. `--help` throws a HelpRequest carrying the help text; a mistake throws a
 * UsageError with one line that says what was wrong and, where close, what was meant.
 * Accepts a bare options object too (commands not yet described by a spec).
 */
export function parseCommandArgs<O extends Options>(argv: string[], specOrOptions: CommandSpec<O> | O) {
  const spec: CommandSpec<O> = isSpec(specOrOptions)
    ? specOrOptions
    : { name: currentCommand, summary: '', options: specOrOptions };
  const options = { ...spec.options, ...GLOBAL_OPTIONS } as O & typeof GLOBAL_OPTIONS;
  type Parsed = ReturnType<typeof parseArgs<{ args: string[]; options: O & typeof GLOBAL_OPTIONS; allowPositionals: true; strict: true }>>;
  let parsed: Parsed;
  try {
    // parseArgs ignores the help texts; it only reads type, short, default and multiple.
    parsed = parseArgs({ args: argv, options, allowPositionals: true, strict: true });
  } catch (err) {
    if (argv.includes('--help') || argv.includes('-h')) throw new HelpRequest(helpText(spec));
    throw new UsageError(spec.name, describeParseError(err, Object.keys(options)));
  }
  const { values, positionals } = parsed;
  const globals = values as { help?: boolean; 'log-format'?: string };
  if (globals.help) throw new HelpRequest(helpText(spec));
  const logFormat = globals['log-format'];
  if (logFormat !== undefined && logFormat !== 'pretty' && logFormat !== 'json') {
    throw new UsageError(spec.name, `--log-format must be pretty or json, not "${logFormat}"`);
  }
  let action: string | undefined;
  let rest = positionals;
  let bounds = spec.positionals;
  if (spec.actions) {
    action = positionals[0];
    const names = Object.keys(spec.actions);
    if (!action) throw new UsageError(spec.name, `an action is required: ${names.join(', ')}`);
    const known = spec.actions[action];
    if (!known) {
      const near = closest(action, names);
      throw new UsageError(spec.name, `unknown action "${action}"${near ? ` (did you mean "${near}"?)` : `; actions: ${names.join(', ')}`}`);
    }
    rest = positionals.slice(1);
    bounds = known.positionals;
  }
  if (bounds?.min !== undefined && rest.length < bounds.min) {
    const wanted = (action ? spec.actions?.[action]?.args : spec.args) ?? 'an argument';
    throw new UsageError(spec.name, `${action ? `${action}: ` : ''}missing ${wanted} (${usageLine(spec, action)})`);
  }
  if (bounds?.max !== undefined && rest.length > bounds.max) {
    throw new UsageError(spec.name, `${action ? `${action}: ` : ''}unexpected argument "${rest[bounds.max]}" (${usageLine(spec, action)})`);
  }
  return { values, positionals: rest, action };
}

function isSpec<O extends Options>(x: CommandSpec<O> | O): x is CommandSpec<O> {
  return typeof (x as { name?: unknown }).name === 'string' && typeof (x as { options?: unknown }).options === 'object';
}

/** parseArgs's messages are long and name `--` tricks; ours say what was typed and what was meant. */
function describeParseError(err: unknown, optionNames: string[]): string {
  const message = err instanceof Error ? err.message : String(err);
  const unknown = /Unknown option '(-{1,2}[^']*)'/.exec(message);
  if (unknown) {
    const typed = unknown[1]!;
    const near = typed.startsWith('--') ? closest(typed.slice(2).split('=')[0]!, optionNames) : null;
    return `unknown option ${typed}${near ? ` (did you mean --${near}?)` : ''}`;
  }
  const missing = /Option '(-[^ ']*)(?:, (--[^ ']*))? <value>' argument missing/.exec(message);
  if (missing) return `${missing[2] ?? missing[1]} needs a value`;
  const noValue = /Option '(-[^ ']*)(?:, (--[^ ']*))?' does not take an argument/.exec(message);
  if (noValue) return `${noValue[2] ?? noValue[1]} takes no value`;
  return message.split('\n')[0]!;
}

function usageLine(spec: CommandSpec<Options>, action?: string): string {
  const a = action ? spec.actions?.[action] : undefined;
  return `usage: transwire ${spec.name}${action ? ` ${action}` : ''}${(a?.args ?? (action ? '' : spec.args)) ? ` ${a?.args ?? spec.args}` : ''} [options]`;
}

export function helpText(spec: CommandSpec<Options>): string {
  const lines: string[] = [];
  if (spec.actions) {
    lines.push(`usage: transwire ${spec.name} <action> [options]`, '');
    if (spec.summary) lines.push(spec.summary, '');
    lines.push('actions:');
    const rows = Object.entries(spec.actions).map(([name, a]) => [`${name}${a.args ? ` ${a.args}` : ''}`, a.summary] as const);
    lines.push(...table(rows));
  } else {
    lines.push(`usage: transwire ${spec.name}${spec.args ? ` ${spec.args}` : ''} [options]`, '');
    if (spec.summary) lines.push(spec.summary);
  }
  const optionRows = Object.entries<OptionSpec>({ ...spec.options, ...GLOBAL_OPTIONS }).map(([name, o]) => {
    const flag = `${o.short ? `-${o.short}, ` : ''}--${name}${o.type === 'string' ? ` ${o.arg ?? 'VALUE'}` : ''}`;
    const dflt = o.default !== undefined && o.default !== false ? ` (default: ${String(o.default)})` : '';
    return [flag, `${o.help ?? ''}${dflt}`] as const;
  });
  lines.push('', 'options:', ...table(optionRows));
  if (spec.notes?.length) lines.push('', ...spec.notes);
  return `${lines.join('\n')}\n`;
}

function table(rows: ReadonlyArray<readonly [string, string]>): string[] {
  const width = Math.max(...rows.map(([a]) => a.length));
  return rows.map(([a, b]) => `  ${a.padEnd(width)}  ${b}`.trimEnd());
}

/** An integer option or argument within bounds, or a usage error naming it. */
export function intArg(command: string, name: string, value: string | undefined, bounds: { min?: number; max?: number } = {}): number | undefined {
  if (value === undefined) return undefined;
  const n = /^\s*-?\d+\s*$/.test(value) ? Number(value) : Number.NaN;
  const { min = 0, max = Number.MAX_SAFE_INTEGER } = bounds;
  if (!Number.isSafeInteger(n) || n < min || n > max) {
    throw new UsageError(command, `${name} must be a whole number${max < Number.MAX_SAFE_INTEGER ? ` from ${min} to ${max}` : min > 0 ? ` of at least ${min}` : ''}, not "${value}"`);
  }
  return n;
}

export function configFrom(
  values: { config?: unknown; 'log-format'?: unknown },
  overrides?: (raw: Record<string, unknown>) => Record<string, unknown>,
): Config {
  const format = values['log-format'];
  return loadConfig({
    path: typeof values.config === 'string' ? values.config : null,
    overrides: (raw) => {
      const out = overrides ? overrides(raw) : raw;
      return typeof format === 'string' ? { ...out, log: { ...(out.log as object), format } } : out;
    },
  });
}

/** Resolves when the process is asked to stop (Ctrl-C, SIGTERM). */
export function untilSignal(): Promise<string> {
  return new Promise((resolve) => {
    process.once('SIGINT', () => resolve('SIGINT'));
    process.once('SIGTERM', () => resolve('SIGTERM'));
  });
}
