/**
 * Whether a state-changing request comes from the console's own pages. Browsers say where a
 * request was started (Sec-Fetch-Site) or from which origin (Origin); a request from another site
 * — even a sibling subdomain — is refused before any token is looked at. A request with neither
 * header (curl, an old browser) still needs its CSRF token.
 */
export function crossOriginReason(req: Request, allowedOrigins: readonly string[]): string | null {
  const site = req.headers.get('sec-fetch-site');
  if (site === 'cross-site' || site === 'same-site') return `Sec-Fetch-Site: ${site}`;
  const origin = req.headers.get('origin');
  if (origin !== null && !allowedOrigins.includes(origin)) return `Origin: ${origin}`;
  return null;
}

/** The origins the console answers on: the configured base URL's and the one the request was sent to. */
export function consoleOrigins(baseUrl: string, req: Request): string[] {
  const out = [new URL(req.url).origin];
  try {
    out.push(new URL(baseUrl).origin);
  } catch {
    /* a base URL that does not parse adds nothing */
  }
  return out;
}
