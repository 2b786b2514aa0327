import { readFileSync, existsSync } from 'node:fs';
import { parse as parseYaml, YAMLError } from 'yaml';
import { closest } from '../domain/closest.ts';
import type { z } from 'zod';
import { configSchema, type Config } from './schema.ts';

export class ConfigError extends Error {
  constructor(readonly problems: string[], readonly file: string | null) {
    super(`config${file ? ` (${file})` : ''}:\n  ${problems.join('\n  ')}`);
    this.name = 'ConfigError';
  }
}

/** `sources[2].url: not a URL` — the key path and the problem, one line per issue. */
function describe(issues: z.core.$ZodIssue[]): string[] {
  return issues.flatMap((issue) => {
    const path = keyPath(issue.path);
    if (issue.code === 'unrecognized_keys') {
      // A typo is the usual cause: name the key where it is, and the key that was probably meant.
      const known = knownKeys(issue.path);
      return issue.keys.map((key) => {
        const near = closest(key, known);
        return `${path ? `${path}.` : ''}${key}: unknown setting${near ? ` (did you mean "${near}"?)` : known.length ? ` (known here: ${known.join(', ')})` : ''}`;
      });
    }
    return [`${path || '(root)'}: ${issue.message}`];
  });
}

function keyPath(path: PropertyKey[]): string {
  return path.map((part, i) => (typeof part === 'number' ? `[${part}]` : `${i === 0 ? '' : '.'}${String(part)}`)).join('');
}

/** The keys the schema allows at a path (for "did you mean"); empty where it cannot tell. */
function knownKeys(path: PropertyKey[]): string[] {
  let node: z.ZodType | undefined = configSchema;
  for (const part of path) node = node ? childOf(node, part) : undefined;
  const shape = node ? objectShape(node) : null;
  return shape ? Object.keys(shape) : [];
}

function unwrap(node: z.ZodType): z.ZodType {
  let n = node as z.ZodType & { unwrap?: () => z.ZodType; def?: { innerType?: z.ZodType; in?: z.ZodType } };
  for (let i = 0; i < 10; i++) {
    const inner = n.def?.innerType ?? n.def?.in;
    if (!inner) break;
    n = inner as typeof n;
  }
  return n;
}

function objectShape(node: z.ZodType): Record<string, z.ZodType> | null {
  const n = unwrap(node) as z.ZodType & { shape?: Record<string, z.ZodType> };
  return n.shape ?? null;
}

function childOf(node: z.ZodType, part: PropertyKey): z.ZodType | undefined {
  const n = unwrap(node) as z.ZodType & { shape?: Record<string, z.ZodType>; element?: z.ZodType; def?: { valueType?: z.ZodType } };
  if (typeof part === 'number') return n.element;
  return n.shape?.[String(part)] ?? n.def?.valueType;
}

/** More alias uses than this and the file is refused: a "billion laughs" would take the process down. */
export const MAX_YAML_ALIASES = 50;

/** Parses YAML, turning its errors into one line with the file and line: `line 3, column 5: …`. */
function readYaml(text: string, file: string): unknown {
  try {
    return parseYaml(text, { maxAliasCount: MAX_YAML_ALIASES });
  } catch (err) {
    if (err instanceof YAMLError) {
      const at = err.linePos?.[0];
      return fail(`${at ? `line ${at.line}, column ${at.col}: ` : ''}${err.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '')}`);
    }
    if (err instanceof ReferenceError && /alias/i.test(err.message)) {
      return fail(`YAML aliases expand too far (more than ${MAX_YAML_ALIASES} uses): refused, as a resource-exhaustion attack would be`);
    }
    throw err;
  }
  function fail(problem: string): never {
    throw new ConfigError([problem], file);
  }
}

/** Applies the documented environment overrides; the only place process.env is read. */
function withEnv(raw: Record<string, unknown>, env: NodeJS.ProcessEnv): Record<string, unknown> {
  const out = structuredClone(raw);
  const section = (key: string) => ((out[key] ??= {}) as Record<string, unknown>);
  if (env.DATABASE_URL) section('database').url = env.DATABASE_URL;
  if (env.PORT) section('server').port = Number(env.PORT);
  if (env.HOST) section('server').host = env.HOST;
  return out;
}

export interface LoadOptions {
  path?: string | null;
  env?: NodeJS.ProcessEnv;
  /** Applied over the file before validation (the demo and tests use it). */
  overrides?: (raw: Record<string, unknown>) => Record<string, unknown>;
}

export function parseConfig(raw: unknown, file: string | null = null): Config {
  const result = configSchema.safeParse(raw);
  if (!result.success) throw new ConfigError(describe(result.error.issues), file);
  return deepFreeze(result.data);
}

/** Reads `transwire.yaml` (or `path`), applies env overrides, validates, freezes. */
export function loadConfig(opts: LoadOptions = {}): Config {
  const env = opts.env ?? process.env;
  const file = opts.path ?? (existsSync('transwire.yaml') ? 'transwire.yaml' : null);
  let raw: Record<string, unknown> = {};
  if (file) {
    if (!existsSync(file)) throw new ConfigError([`file not found: ${file}`], file);
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (err) {
      throw new ConfigError([`cannot read the file: ${(err as NodeJS.ErrnoException).code ?? String(err)}`], file);
    }
    const parsed: unknown = readYaml(text, file);
    if (parsed != null && (typeof parsed !== 'object' || Array.isArray(parsed))) {
      throw new ConfigError(['(root): expected a mapping of settings'], file);
    }
    raw = (parsed ?? {}) as Record<string, unknown>;
  }
  raw = withEnv(raw, env);
  if (opts.overrides) raw = opts.overrides(raw);
  return parseConfig(raw, file);
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}
