import { createApp, type Role } from '../app.ts';
import { configFrom, intArg, parseCommandArgs, untilSignal } from './args.ts';

const SUMMARIES: Record<string, string> = {
  run: 'Runs the scheduler, the workers and the web server in one process until Ctrl-C or SIGTERM.',
  web: 'Runs only the web server (scale-out on a PostgreSQL server) until Ctrl-C or SIGTERM.',
  worker: 'Runs only the scheduler and the workers (scale-out on a PostgreSQL server) until Ctrl-C or SIGTERM.',
};

/**
 * Runs the given roles until SIGINT/SIGTERM, then stops them, finishing the jobs in hand. A part
 * that fails to start stops the others (app.start), and the error reaches main, which exits.
 */
export async function runRoles(argv: string[], roles: Role[], name = 'run'): Promise<number> {
  const { values } = parseCommandArgs(argv, {
    name,
    summary: SUMMARIES[name] ?? '',
    options: roles.includes('web')
      ? { port: { type: 'string', arg: 'N', help: 'listen on port N (server.port)' }, host: { type: 'string', arg: 'HOST', help: 'listen on HOST (server.host)' } }
      : {},
    positionals: { max: 0 },
    notes: ['DATABASE_URL, PORT and HOST override the configuration file; --port and --host override both (see docs/configuration.md).'],
  });
  const { port: portArg, host } = values as { port?: string; host?: string };
  const port = intArg(name, '--port', portArg, { min: 0, max: 65535 });
  const app = await createApp(
    configFrom(values, (raw) => (port === undefined && host === undefined ? raw : { ...raw, server: { ...(raw.server as object), ...(port !== undefined && { port }), ...(host !== undefined && { host }) } })),
  );
  const { url } = await app.start(roles);
  app.log.info({ roles, url }, 'transwire started');
  if (url) process.stdout.write(`transwire: site at ${url}/\n`);
  const signal = await untilSignal();
  app.log.info({ signal }, 'stopping');
  await app.close();
  return 0;
}

export default function run(argv: string[]): Promise<number> {
  return runRoles(argv, ['scheduler', 'worker', 'web'], 'run');
}
