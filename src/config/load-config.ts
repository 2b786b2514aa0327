import { readFileSync, existsSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
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
  return issues.map((issue) => {
    const path = issue.path
      .map((part, i) => (typeof part === 'number' ? `[${part}]` : `${i === 0 ? '' : '.'}${String(part)}`))
      .join('');
    return `${path || '(root)'}: ${issue.message}`;
  });
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
    const parsed: unknown = parseYaml(readFileSync(file, 'utf8'));
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
