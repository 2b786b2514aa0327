import { lookup as dnsLookup } from 'node:dns/promises';
import { isIP, type Socket } from 'node:net';
import { buildConnector } from 'undici';
import { PermanentError } from '../domain/errors.ts';
import { addressGuard } from './address-guard.ts';

export type Lookup = (hostname: string) => Promise<string[]>;

export interface SafeConnectorOptions {
  /** "host:port" pairs (hostname or IP, IPv6 in brackets) a test or demo may reach although private. */
  allowPrivate?: string[];
  connectTimeoutMs?: number;
  /** DNS resolution; injectable so tests can play a rebinding resolver. */
  lookup?: Lookup;
  ca?: string | Buffer;
}

const defaultLookup: Lookup = async (hostname) =>
  (await dnsLookup(hostname, { all: true, verbatim: true })).map((a) => a.address);

/**
 * An undici connector that resolves the name itself, refuses non-public addresses, and dials the
 * checked IP (never the name again), so a DNS answer that changes between check and connect
 * (rebinding) cannot reach a private address. Runs for every new connection, hence every hop.
 */
export function safeConnector(opts: SafeConnectorOptions = {}): buildConnector.connector {
  const base = buildConnector({ timeout: opts.connectTimeoutMs ?? 10_000, ...(opts.ca ? { ca: opts.ca } : {}) });
  const allowed = new Set((opts.allowPrivate ?? []).map((p) => p.toLowerCase()));
  const lookup = opts.lookup ?? defaultLookup;

  const isAllowed = (name: string, port: string): boolean => {
    const h = isIP(name) === 6 ? `[${name}]` : name;
    return allowed.has(`${h}:${port}`.toLowerCase());
  };

  return (options, callback) => {
    const port = options.port || (options.protocol === 'https:' ? '443' : '80');
    const hostname = options.hostname;
    void (async () => {
      const addresses = isIP(hostname) ? [hostname] : await lookup(hostname);
      const nameAllowed = isAllowed(hostname, port);
      const refusals: string[] = [];
      let chosen: string | null = null;
      for (const ip of addresses) {
        const reason = addressGuard(ip);
        if (reason === null || nameAllowed || isAllowed(ip, port)) {
          chosen = ip;
          break;
        }
        refusals.push(`${ip} (${reason})`);
      }
      if (chosen === null) throw blocked(hostname, refusals);
      const ip = chosen;
      // Dial the IP; TLS still sends SNI and verifies the certificate for the name (undici
      // derives servername from the original host, and Node checks identity against it).
      base({ ...options, hostname: ip }, (err, socket) => {
        if (err || !socket) return callback(err ?? new Error('fetch: no socket'), null);
        // Belt and braces: judge the peer the kernel actually connected to.
        const peer = (socket as Socket).remoteAddress ?? '';
        const reason = peer === ip ? null : addressGuard(peer);
        if (reason !== null && !isAllowed(peer, port) && !nameAllowed) {
          socket.destroy();
          return callback(blocked(hostname, [`${peer} (${reason})`]), null);
        }
        callback(null, socket);
      });
    })().catch((err: unknown) => callback(err as Error, null));
  };
}

function blocked(hostname: string, refusals: string[]): PermanentError {
  const what = refusals.length ? refusals.join(', ') : 'no address';
  const via = refusals.length === 1 && refusals[0]!.startsWith(hostname + ' ') ? '' : ` for ${hostname}`;
  return new PermanentError(
    `fetch: refusing to connect to ${what}${via}: not a public address (allow it explicitly with fetch.allowPrivate for tests)`,
    'fetch.blocked_address',
    { httpStatus: 400 },
  );
}
