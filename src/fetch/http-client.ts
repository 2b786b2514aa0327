import { Agent, request } from 'undici';
import { PermanentError, TranswireError, TransientError } from '../domain/errors.ts';
import { ACCEPT_ENCODING, discardBody, readCappedBody } from './capped-body.ts';
import { parseRetryAfter } from '../shared/retry-after.ts';
import { safeConnector, type Lookup } from './safe-connector.ts';

export interface HttpClientOptions {
  /** Must name transwire and the site's URL; "transwire" is prefixed when it does not. */
  userAgent: string;
  /** "127.0.0.1:4100" host:port pairs explicitly allowed: the ONLY way tests and the demo reach private addresses. */
  allowPrivate?: string[];
  /** Total deadline for one get(), redirects and body included. */
  timeoutMs?: number;
  /** Time allowed from sending a request to the end of the response headers. */
  headerTimeoutMs?: number;
  /** Cap on the decoded body. */
  maxBytes?: number;
  maxRedirects?: number;
  /** Test hook: DNS resolution. */
  lookup?: Lookup;
  /** Extra trusted certificate authorities (PEM), replacing the system ones: tests and private PKI. */
  ca?: string | Buffer;
}

export interface GetOptions {
  etag?: string | null;
  lastModified?: string | null;
  accept?: string;
  signal?: AbortSignal;
  /** This request's cap, when it differs from the client's (robots.txt, images). */
  maxBytes?: number;
  /** Return the first maxBytes instead of failing with fetch.too_large. */
  truncate?: boolean;
}

export interface FetchResult {
  /** The final URL after redirects (never written back over a source's stored URL). */
  url: string;
  status: number;
  notModified: boolean;
  /** Lower-case names; repeated headers joined with ", ". */
  headers: Record<string, string>;
  /** Decoded (gzip/br/deflate undone), capped at maxBytes; empty on 304. */
  body: Buffer;
  /** The validators to send next time; on a 304 without them, the ones we sent. */
  etag: string | null;
  lastModified: string | null;
  retryAfter: Date | null;
  /** Each Location followed, in order. */
  redirects: string[];
}

export interface HttpClient {
  get(url: string, opts?: GetOptions): Promise<FetchResult>;
  /**
   * Shutdown: every request in flight fails at once with FetchAbortedError, and so does every new
   * one. A trickling server must not hold the process for its whole deadline.
   */
  abort(): void;
  close(): Promise<void>;
}

/**
 * The client was told to stop (shutdown). Not the job's fault: the queue puts the job back
 * without counting an attempt, and the work is done after the restart.
 */
export class FetchAbortedError extends TranswireError {
  constructor(url: string) {
    super(`fetch: ${url}: aborted, shutting down`, { code: 'fetch.aborted', retry: 'throttled', retryAt: new Date(), httpStatus: 503 });
  }
}

const ERROR_BODY_BYTES = 64 * 1024;
const REDIRECTS = new Set([301, 302, 303, 307, 308]);
const TIMEOUT_CODES = new Set(['UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT', 'UND_ERR_CONNECT_TIMEOUT']);

/** The one way transwire talks HTTP to the outside: SSRF-safe, bounded in time and size, conditional. */
export function createHttpClient(opts: HttpClientOptions): HttpClient {
  const {
    timeoutMs = 30_000,
    headerTimeoutMs = 10_000,
    maxBytes = 10 * 1024 * 1024,
    maxRedirects = 5,
  } = opts;
  const userAgent = /transwire/i.test(opts.userAgent) ? opts.userAgent : `transwire ${opts.userAgent}`.trim();
  const agent = new Agent({
    connect: safeConnector({ allowPrivate: opts.allowPrivate, lookup: opts.lookup, ca: opts.ca, connectTimeoutMs: Math.min(10_000, timeoutMs) }),
    headersTimeout: headerTimeoutMs,
    bodyTimeout: Math.min(timeoutMs, 30_000),
    connections: 8,
  });

  const stopping = new AbortController();

  async function get(url: string, g: GetOptions = {}): Promise<FetchResult> {
    const cap = g.maxBytes ?? maxBytes;
    const deadline = AbortSignal.timeout(timeoutMs);
    const signal = AbortSignal.any(g.signal ? [deadline, stopping.signal, g.signal] : [deadline, stopping.signal]);
    const redirects: string[] = [];
    let current = checkUrl(url);
    if (stopping.signal.aborted) throw new FetchAbortedError(current);
    try {
      for (;;) {
        const headers: Record<string, string> = {
          'user-agent': userAgent,
          accept: g.accept ?? '*/*',
          'accept-encoding': ACCEPT_ENCODING,
        };
        // Validators go back exactly as the server gave them: no trimming, no re-quoting.
        if (g.etag) headers['if-none-match'] = g.etag;
        if (g.lastModified) headers['if-modified-since'] = g.lastModified;
        const res = await request(current, { dispatcher: agent, method: 'GET', headers, signal });
        const h = flatten(res.headers);
        if (REDIRECTS.has(res.statusCode) && h.location) {
          await res.body.dump().catch(() => undefined);
          if (redirects.length >= maxRedirects) {
            throw new PermanentError(`fetch: ${url}: more than ${maxRedirects} redirects`, 'fetch.too_many_redirects');
          }
          current = checkUrl(new URL(h.location, current).href);
          redirects.push(current);
          continue;
        }
        const notModified = res.statusCode === 304;
        // An error page is only read for its first bytes: it must not fail as "too large".
        const isError = res.statusCode >= 400;
        const declared = Number(h['content-length']);
        if (!isError && !g.truncate && !h['content-encoding'] && declared > cap) {
          discardBody(res.body);
          throw new PermanentError(`fetch: ${current} is larger than ${cap} bytes (Content-Length ${declared})`, 'fetch.too_large', { httpStatus: 413 });
        }
        const body = notModified
          ? (await res.body.dump(), Buffer.alloc(0))
          : await readCappedBody(res.body, h['content-encoding'], isError ? Math.min(cap, ERROR_BODY_BYTES) : cap, current, isError || g.truncate === true);
        return {
          url: current,
          status: res.statusCode,
          notModified,
          headers: h,
          body,
          etag: h.etag ?? (notModified ? (g.etag ?? null) : null),
          lastModified: h['last-modified'] ?? (notModified ? (g.lastModified ?? null) : null),
          retryAfter: parseRetryAfter(h['retry-after'] ?? null, new Date()),
          redirects,
        };
      }
    } catch (err) {
      if (stopping.signal.aborted && !(err instanceof TranswireError && err.retry === 'never')) throw new FetchAbortedError(current);
      throw classify(err, current, deadline, timeoutMs, g.signal);
    }
  }

  return { get, abort: () => stopping.abort(), close: () => agent.close() };
}

function checkUrl(url: string): string {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    throw new PermanentError(`fetch: not a URL: ${url}`, 'fetch.bad_url', { httpStatus: 400 });
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') {
    throw new PermanentError(`fetch: refusing ${u.protocol} URL ${url}: only http and https`, 'fetch.bad_scheme', { httpStatus: 400 });
  }
  u.hash = '';
  return u.href;
}

function flatten(headers: Record<string, string | string[] | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(headers)) {
    if (v !== undefined) out[k.toLowerCase()] = Array.isArray(v) ? v.join(', ') : v;
  }
  return out;
}

function classify(err: unknown, url: string, deadline: AbortSignal, timeoutMs: number, user?: AbortSignal): unknown {
  if (err instanceof TranswireError) return err;
  if (user?.aborted) return user.reason ?? err;
  const code = (err as { code?: string }).code ?? '';
  if (deadline.aborted || TIMEOUT_CODES.has(code)) {
    const what = deadline.aborted ? `no complete response within ${timeoutMs} ms` : (err as Error).message;
    return new TransientError(`fetch: ${url}: timed out (${what})`, 'fetch.timeout', { cause: err });
  }
  const message = err instanceof Error ? err.message : String(err);
  return new TransientError(`fetch: ${url}: ${code ? code + ' ' : ''}${message}`, 'fetch.network', { cause: err });
}
