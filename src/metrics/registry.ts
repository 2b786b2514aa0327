import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

/**
 * The process's Prometheus metrics, in one registry served at /metrics. Counters are per process
 * (a `transwire worker` counts its own jobs); what every process shares (queue depth, workers
 * alive) is read from the database at scrape time.
 */
export const registry = new Registry();
collectDefaultMetrics({ register: registry, prefix: 'transwire_' });

const registers = [registry];

export const fetchesTotal = new Counter({
  name: 'transwire_fetches_total',
  help: 'Source polls by outcome: ok (new content), not_modified, failed.',
  labelNames: ['outcome'] as const,
  registers,
});

export const itemsTotal = new Counter({
  name: 'transwire_items_total',
  help: 'New items stored from polls and pushes.',
  registers,
});

export const extractionsTotal = new Counter({
  name: 'transwire_extractions_total',
  help: 'Article extractions by outcome: extracted, duplicate, failed, postponed.',
  labelNames: ['outcome'] as const,
  registers,
});

export const translationsTotal = new Counter({
  name: 'transwire_translations_total',
  help: 'Translations stored, by engine route and the publish policy verdict (publish, publish-flagged, hold).',
  labelNames: ['engine', 'verdict'] as const,
  registers,
});

export const translationCharactersTotal = new Counter({
  name: 'transwire_translation_characters_total',
  help: 'Characters sent to translation engines (memory hits not counted), by engine route.',
  labelNames: ['engine'] as const,
  registers,
});

export const translationCostTotal = new Counter({
  name: 'transwire_translation_cost_total',
  help: 'Money spent on translation engines (their price per million characters), by engine route.',
  labelNames: ['engine'] as const,
  registers,
});

export const jobDurationSeconds = new Histogram({
  name: 'transwire_job_duration_seconds',
  help: 'Time a job took, by kind and outcome (done, retry, failed).',
  labelNames: ['kind', 'outcome'] as const,
  buckets: [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120],
  registers,
});

export const publishLatencySeconds = new Histogram({
  name: 'transwire_publish_latency_seconds',
  help: 'From the source publishing a story to our page being live, by site language.',
  labelNames: ['lang'] as const,
  buckets: [30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 21600, 86400],
  registers,
});

export const queueDepth = new Gauge({
  name: 'transwire_queue_depth',
  help: 'Jobs waiting (queued) by kind, read from the database at scrape.',
  labelNames: ['kind'] as const,
  registers,
});

export const queueOldestSeconds = new Gauge({
  name: 'transwire_queue_oldest_seconds',
  help: 'Age of the oldest job ready to run, by kind, read from the database at scrape.',
  labelNames: ['kind'] as const,
  registers,
});

export const jobsFailed = new Gauge({
  name: 'transwire_jobs_failed',
  help: 'Jobs failed for good and kept, by kind, read from the database at scrape.',
  labelNames: ['kind'] as const,
  registers,
});

export const workersAlive = new Gauge({
  name: 'transwire_workers_alive',
  help: 'Worker processes whose heartbeat is recent, read from the database at scrape.',
  registers,
});
