import { createApp, type Role } from '../app.ts';
import { configFrom, parseCommandArgs, untilSignal } from './args.ts';

/** Runs the given roles until SIGINT/SIGTERM, then stops them, finishing the jobs in hand. */
export async function runRoles(argv: string[], roles: Role[]): Promise<number> {
  const { values } = parseCommandArgs(argv, {});
  const app = await createApp(configFrom(values));
  const { url } = await app.start(roles);
  app.log.info({ roles, url }, 'transwire started');
  if (url) process.stdout.write(`transwire: site at ${url}/\n`);
  const signal = await untilSignal();
  app.log.info({ signal }, 'stopping');
  await app.close();
  return 0;
}

export default function run(argv: string[]): Promise<number> {
  return runRoles(argv, ['scheduler', 'worker', 'web']);
}
