import { z } from 'zod';
import { publishPolicySchema } from '../publish/policy.ts';
import { chainsConfigSchema, enginesConfigSchema, glossarySchema } from '../translate/engine-config.ts';
import { refetchScheduleSchema } from './refetch-schedule.ts';

const url = z.url({ protocol: /^https?$/, error: 'not a URL' });
const lang = z.string().regex(/^[a-z]{2,3}$/, 'not a language code (en, es, ar…)');

export const sourceSchema = z.strictObject({
  url,
  name: z.string().min(1).optional(),
  lang: lang.optional(),
  category: z.string().min(1).optional(),
  kind: z.enum(['feed', 'sitemap', 'page']).default('feed'),
  /** CSS selectors for sites no heuristic gets right. */
  extract: z.strictObject({ select: z.array(z.string()).default([]), drop: z.array(z.string()).default([]) }).optional(),
  policy: z.string().optional(),
});

export const configSchema = z.strictObject({
  site: z
    .strictObject({
      name: z.string().min(1).default('transwire'),
      baseUrl: url.default('http://127.0.0.1:8080'),
      languages: z.array(lang).min(1).default(['es']),
      defaultLanguage: lang.optional(),
    })
    .prefault({}),
  server: z
    .strictObject({
      host: z.string().default('127.0.0.1'),
      port: z.number().int().min(0).max(65535).default(8080),
      /** Behind a reverse proxy: take the client's address from the last X-Forwarded-For entry (search limits are per address). */
      trustProxy: z.boolean().default(false),
    })
    .prefault({}),
  /** Search is the one page made per request: these keep a flood of queries from taking the site down. */
  search: z
    .strictObject({
      /** Searches one address may make at once, then `perMinute`; past that 429 with Retry-After. */
      burst: z.number().int().positive().default(10),
      perMinute: z.number().positive().default(30),
      /** Searches running at once; more wait their turn for up to `timeoutMs`, then 503. */
      concurrency: z.number().int().positive().default(2),
      /** Longest wait for a turn, and longest query on a PostgreSQL server (statement timeout). */
      timeoutMs: z.number().int().positive().default(2000),
      /** Result pages of recent queries kept in memory for a minute. */
      cacheEntries: z.number().int().min(0).default(500),
      /** Embedded database only: the share of the web process's time searches may take (then 503). */
      busyShare: z.number().gt(0).max(1).default(0.2),
      /** Embedded database only: searches waiting for their turn; more are answered 503 at once. */
      queue: z.number().int().min(0).default(4),
    })
    .prefault({}),
  database: z
    .strictObject({ url: z.string().startsWith('postgres', 'not a postgres:// URL').nullable().default(null), dataDir: z.string().default('./data/db') })
    .prefault({}),
  fetch: z
    .strictObject({
      userAgent: z.string().optional(),
      timeoutMs: z.number().int().positive().default(30_000),
      maxBytes: z.number().int().positive().default(10 * 1024 * 1024),
      /** host:port pairs on private addresses the fetcher may reach (a local newsroom); empty by default. */
      allowPrivate: z.array(z.string()).default([]),
      perHost: z
        .strictObject({ concurrency: z.number().int().positive().default(2), minIntervalMs: z.number().int().min(0).default(1000) })
        .prefault({}),
      poll: z
        .strictObject({ minSeconds: z.number().int().positive().default(60), maxSeconds: z.number().int().positive().default(3600) })
        .prefault({}),
      respectRobots: z.boolean().default(true),
      /** Published articles fetched again after these delays (docs/stories.md, following a story at its source). */
      refetchSchedule: refetchScheduleSchema,
    })
    .prefault({}),
  sources: z.array(sourceSchema).default([]),
  translation: z
    .strictObject({
      engines: enginesConfigSchema,
      /** Engine chain per pair ("en-es"), tried in order. */
      chains: chainsConfigSchema,
      glossary: glossarySchema,
    })
    .prefault({}),
  publish: z
    .strictObject({ policy: publishPolicySchema.optional() })
    .prefault({}),
  /**
   * Stories (docs/stories.md): each article is placed in a story and a story is translated once per
   * language. `enabled: false` translates and publishes every article on its own, as a plain
   * translating wire does (the drill's synthetic world, made of a few articles retold by a
   * thousand sources, measures the pipeline that way).
   */
  stories: z
    .strictObject({ enabled: z.boolean().default(true) })
    .prefault({}),
  /** `/metrics` (Prometheus): answered to a bearer token or to the listed addresses, 404 to anyone else. */
  metrics: z
    .strictObject({
      token: z.string().min(16, 'at least 16 characters').nullable().default(null),
      allow: z.array(z.string().min(1)).default(['127.0.0.1', '::1']),
    })
    .prefault({}),
  /** Mirrored images: where their files go and how much one image or one source may take. */
  media: z
    .strictObject({
      dir: z.string().default('./data/media'),
      maxBytes: z.number().int().positive().default(10 * 1024 * 1024),
      maxPixels: z.number().int().positive().default(40_000_000),
      maxImagesPerArticle: z.number().int().min(0).default(12),
      perSourceBytesPerDay: z.number().int().positive().default(500 * 1024 * 1024),
    })
    .prefault({}),
  log: z
    .strictObject({
      level: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
      format: z.enum(['auto', 'pretty', 'json']).default('auto'),
    })
    .prefault({}),
  worker: z
    .strictObject({
      /**
       * Jobs in flight per process. Most of a job is waiting (on a site, on the engine): Apertium's
       * warm pipeline has a dozen stages, and two translations leave it idle between calls; four
       * keep it busy (bench:translate measures at this value).
       */
      concurrency: z.number().int().positive().default(4),
      leaseSeconds: z.number().int().positive().default(120),
      pollMs: z.number().int().positive().default(500),
    })
    .prefault({}),
});

export type Config = z.infer<typeof configSchema>;
export type SourceConfig = z.infer<typeof sourceSchema>;
