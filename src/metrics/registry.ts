import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

/**
 * The process's Prometheus metrics, in one registry served at /metrics. Counters are per process
 * (a `transwire worker` counts its own jobs); what every process shares (queue depth, workers
 * alive) is read from the database at scrape time.
 */
export const registry = new Registry();
collectDefaultMetrics({ register: registry, prefix: 'transwire_' });

const registers = [registry];
// One line a series: its name, help and labels (and a histogram's buckets), registered here.
const counter = <L extends string = never>(name: string, help: string, labelNames: readonly L[] = []) => new Counter<L>({ name, help, labelNames, registers });
const gauge = <L extends string = never>(name: string, help: string, labelNames: readonly L[] = []) => new Gauge<L>({ name, help, labelNames, registers });
const histogram = <L extends string>(name: string, help: string, labelNames: readonly L[], buckets: number[]) => new Histogram<L>({ name, help, labelNames, buckets, registers });

export const fetchesTotal = counter('transwire_fetches_total', 'Source polls by outcome: ok (new content), not_modified, failed.', ['outcome']);
export const itemsTotal = counter('transwire_items_total', 'New items stored from polls and pushes.');
export const extractionsTotal = counter('transwire_extractions_total', 'Article extractions by outcome: extracted, duplicate, failed, postponed.', ['outcome']);
export const refetchesTotal = counter('transwire_refetches_total',
  'Published articles fetched again at their source, by outcome: not_modified, unchanged, updated, gone, back, failed.', ['outcome']);
export const translationsTotal = counter('transwire_translations_total',
  'Translations stored, by engine route and the publish policy verdict (publish, publish-flagged, hold).', ['engine', 'verdict']);
export const translationCharactersTotal = counter('transwire_translation_characters_total',
  'Characters sent to translation engines (memory hits not counted), by engine route.', ['engine']);
export const translationCostTotal = counter('transwire_translation_cost_total',
  'Money spent on translation engines (their price per million characters), by engine route.', ['engine']);

export const jobDurationSeconds = histogram('transwire_job_duration_seconds', 'Time a job took, by kind and outcome (done, retry, failed).',
  ['kind', 'outcome'], [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120]);
export const publishLatencySeconds = histogram('transwire_publish_latency_seconds', 'From the source publishing a story to our page being live, by site language.',
  ['lang'], [30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 21600, 86400]);

export const queueDepth = gauge('transwire_queue_depth', 'Jobs waiting (queued) by kind, read from the database at scrape.', ['kind']);
export const queueOldestSeconds = gauge('transwire_queue_oldest_seconds', 'Age of the oldest job ready to run, by kind, read from the database at scrape.', ['kind']);
export const jobsFailed = gauge('transwire_jobs_failed', 'Jobs failed for good and kept, by kind, read from the database at scrape.', ['kind']);
export const workersAlive = gauge('transwire_workers_alive', 'Worker processes whose heartbeat is recent, read from the database at scrape.');
