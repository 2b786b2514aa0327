import { PermanentError } from './domain/errors.ts';

/**
 * A part of transwire could not start because of a setting: the message names the setting first
 * (`server.port: 127.0.0.1:8080 is already in use`), so the operator knows what to change.
 */
export class StartupError extends PermanentError {
  constructor(readonly setting: string, readonly detail: string, opts: { cause?: unknown } = {}) {
    super(`${setting}: ${detail}`, `startup.${setting}`, opts);
  }
}

const code = (err: unknown): string => String((err as { code?: unknown } | null)?.code ?? '');
const message = (err: unknown): string => (err instanceof Error ? err.message : String(err));

/** Why the web server could not listen on host:port, naming the setting to change. */
export function listenError(err: unknown, host: string, port: number): StartupError {
  switch (code(err)) {
    case 'EADDRINUSE':
      return new StartupError('server.port', `${host}:${port} is already in use (another transwire, or another server): choose another port`, { cause: err });
    case 'EACCES':
      return new StartupError('server.port', `not allowed to listen on ${host}:${port} (ports below 1024 need privileges)`, { cause: err });
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
    case 'EAI_NONAME':
      return new StartupError('server.host', `"${host}" does not resolve to an address`, { cause: err });
    case 'EADDRNOTAVAIL':
      return new StartupError('server.host', `${host} is not an address of this machine`, { cause: err });
    default:
      return new StartupError('server.host', `cannot listen on ${host}:${port}: ${message(err)}`, { cause: err });
  }
}

/** Why the database could not be opened: the server's URL (password masked) or the data folder. */
export function databaseError(err: unknown, opts: { url: string | null; dataDir: string }): StartupError {
  if (opts.url) {
    const where = maskUrl(opts.url);
    const setting = 'database.url';
    switch (code(err)) {
      case 'ECONNREFUSED':
        return new StartupError(setting, `cannot connect to ${where}: connection refused (is PostgreSQL running there?)`, { cause: err });
      case 'ENOTFOUND':
      case 'EAI_AGAIN':
        return new StartupError(setting, `cannot connect to ${where}: host not found`, { cause: err });
      case 'ETIMEDOUT':
        return new StartupError(setting, `cannot connect to ${where}: timed out`, { cause: err });
      default:
        // PostgreSQL's own words: `role "x" does not exist`, `password authentication failed…`.
        return new StartupError(setting, `cannot use ${where}: ${message(err)}`, { cause: err });
    }
  }
  const dir = opts.dataDir;
  switch (code(err)) {
    case 'store.in_use': // DataDirInUseError: its message already names the folder and the holder
      return new StartupError('database.dataDir', message(err), { cause: err });
    case 'EEXIST':
    case 'ENOTDIR':
      return new StartupError('database.dataDir', `${dir} is not a folder (a file is in the way)`, { cause: err });
    case 'EACCES':
    case 'EPERM':
    case 'EROFS':
      return new StartupError('database.dataDir', `${dir} is not writable (${code(err)})`, { cause: err });
    default:
      return new StartupError('database.dataDir', `cannot open the database in ${dir}: ${message(err)}`, { cause: err });
  }
}

function maskUrl(url: string): string {
  return url.replace(/(\/\/[^:/@]+:)[^@/]+@/, '$1********@');
}
