import { PermanentError } from '../domain/errors.ts';

/**
 * libpq's environment variable for each connection parameter that has one (PostgreSQL 17,
 * "Environment Variables"). The password goes this way too: never in a process listing.
 */
const ENV: Record<string, string> = {
  host: 'PGHOST',
  hostaddr: 'PGHOSTADDR',
  port: 'PGPORT',
  dbname: 'PGDATABASE',
  user: 'PGUSER',
  password: 'PGPASSWORD',
  passfile: 'PGPASSFILE',
  require_auth: 'PGREQUIREAUTH',
  channel_binding: 'PGCHANNELBINDING',
  service: 'PGSERVICE',
  options: 'PGOPTIONS',
  application_name: 'PGAPPNAME',
  sslmode: 'PGSSLMODE',
  requiressl: 'PGREQUIRESSL',
  sslnegotiation: 'PGSSLNEGOTIATION',
  sslcompression: 'PGSSLCOMPRESSION',
  sslcert: 'PGSSLCERT',
  sslkey: 'PGSSLKEY',
  sslrootcert: 'PGSSLROOTCERT',
  sslcrl: 'PGSSLCRL',
  sslcrldir: 'PGSSLCRLDIR',
  sslsni: 'PGSSLSNI',
  requirepeer: 'PGREQUIREPEER',
  ssl_min_protocol_version: 'PGSSLMINPROTOCOLVERSION',
  ssl_max_protocol_version: 'PGSSLMAXPROTOCOLVERSION',
  gssencmode: 'PGGSSENCMODE',
  krbsrvname: 'PGKRBSRVNAME',
  gsslib: 'PGGSSLIB',
  gssdelegation: 'PGGSSDELEGATION',
  connect_timeout: 'PGCONNECT_TIMEOUT',
  client_encoding: 'PGCLIENTENCODING',
  target_session_attrs: 'PGTARGETSESSIONATTRS',
  load_balance_hosts: 'PGLOADBALANCEHOSTS',
};

/** Parameters libpq reads only from the connection string: they go in `--dbname`'s conninfo. */
const CONNINFO_ONLY = new Set(['keepalives', 'keepalives_idle', 'keepalives_interval', 'keepalives_count', 'tcp_user_timeout', 'fallback_application_name']);

export interface LibpqConnection {
  /** process.env with the URL's parameters as libpq's variables (they win over inherited ones). */
  env: NodeJS.ProcessEnv;
  /** For `--dbname`: a conninfo string (`dbname='…' keepalives='1'`), never with a secret in it. */
  conninfo: string;
}

/**
 * A `postgres://` URL as pg_dump and pg_restore take it, meaning the server node-postgres (which
 * the site connects with) reaches by the same URL: query parameters win over the URL's parts
 * (`?host=/var/run/postgresql` for a socket, `?port=`, `?user=`), `[::1]` is `::1`, escapes are
 * undone, and every libpq parameter in the query is passed on. node-postgres's own spellings are
 * translated (`sslmode=no-verify`, `ssl=true`: TLS without verifying the certificate, libpq's
 * `require`); other parameters libpq does not know are left out, as node-postgres ignores them.
 */
export function libpqConnection(url: string, base: NodeJS.ProcessEnv = process.env): LibpqConnection {
  let u: URL;
  try {
    // An empty host (`postgres://user@/db?host=/run/postgresql`) is no URL to WHATWG: as node-postgres does, read it with a stand-in.
    u = /^[a-z]+:\/\/[^/]*@\//i.test(url) ? new URL(url.replace('@/', '@stand-in.invalid/')) : new URL(url);
  } catch {
    throw new PermanentError('database.url is not a postgres:// URL', 'backup_bad_url');
  }
  const params = new Map<string, string>([...u.searchParams]);
  if (params.has('sslpassword')) {
    throw new PermanentError('database.url has sslpassword, which libpq takes only on its command line, where every process listing shows it: use a client key without a passphrase', 'backup_bad_url');
  }
  const hostname = u.hostname === 'stand-in.invalid' ? '' : decodeURIComponent(u.hostname.replace(/^\[(.*)\]$/, '$1'));
  const fromUrl: Record<string, string> = { host: hostname, port: u.port, user: decodeURIComponent(u.username), password: decodeURIComponent(u.password) };
  for (const [key, value] of Object.entries(fromUrl)) if (value && !params.has(key)) params.set(key, value);
  // node-postgres takes the database from the path alone.
  params.delete('dbname');
  const dbname = decodeURIComponent(u.pathname.slice(1));
  if (dbname) params.set('dbname', dbname);
  const ssl = params.get('ssl');
  params.delete('ssl');
  params.delete('uselibpqcompat');
  if (params.get('sslmode') === 'no-verify') params.set('sslmode', 'require');
  if ((ssl === 'true' || ssl === '1') && !params.has('sslmode')) params.set('sslmode', 'require');

  const env: NodeJS.ProcessEnv = { ...base };
  const quoted = (key: string, value: string) => `${key}='${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
  const conninfo = dbname ? [quoted('dbname', dbname)] : [];
  for (const [key, value] of params) {
    const variable = ENV[key];
    if (variable) env[variable] = value;
    if (CONNINFO_ONLY.has(key)) conninfo.push(quoted(key, value));
  }
  return { env, conninfo: conninfo.join(' ') };
}
