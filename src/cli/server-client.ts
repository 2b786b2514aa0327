import { PermanentError } from '../domain/errors.ts';

/** A running transwire server's `/api/v1/…`, called with the local token. */
export interface ServerClient {
  readonly url: string;
  get<T>(path: string): Promise<T>;
  post<T>(path: string, body: unknown): Promise<T>;
}

/**
 * The HTTP client a command uses when the data folder is the running server's. An error answer
 * becomes a PermanentError with the server's own line, so the command prints the same line and
 * exits 1 as it would had it opened the database itself.
 */
export function serverClient(url: string, token: string, opts: { timeoutMs?: number } = {}): ServerClient {
  const base = url.replace(/\/$/, '');
  async function call<T>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> {
    let res: Response;
    try {
      res = await fetch(`${base}${path}`, {
        method,
        headers: {
          authorization: `Bearer ${token}`,
          accept: 'application/json',
          ...(body !== undefined && { 'content-type': 'application/json' }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
        redirect: 'error',
        // A retranslation or a source's discovery waits on other servers: a few minutes, not forever.
        signal: AbortSignal.timeout(opts.timeoutMs ?? 300_000),
      });
    } catch (err) {
      const why = (err as { cause?: { code?: string } }).cause?.code ?? (err as Error).message;
      throw new PermanentError(`cannot reach the running server at ${base} (${why}): is it still starting, or stopping?`, 'api.unreachable', { cause: err });
    }
    const text = await res.text();
    let parsed: unknown = null;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      // not JSON: said below
    }
    if (!res.ok) {
      // The API's error shape: `{"error": {"status": 404, "message": "…"}}`.
      const said = (parsed as { error?: { message?: unknown } } | null)?.error?.message;
      const line = typeof said === 'string' ? said : `${method} ${path}: HTTP ${res.status}`;
      const hint = res.status === 401 ? ` (the server at ${base} did not accept the local token)` : '';
      throw new PermanentError(`${line}${hint}`, 'api.refused', { httpStatus: res.status });
    }
    if (parsed === null && text) throw new PermanentError(`${method} ${path}: the server at ${base} did not answer JSON`, 'api.not_json');
    return parsed as T;
  }
  return {
    url: base,
    get: (path) => call('GET', path),
    post: (path, body) => call('POST', path, body),
  };
}
