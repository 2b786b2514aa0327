import { openDbFor } from '../app.ts';
import { parseRole } from '../admin/auth/accounts.ts';
import { usersOnDb, usersOnServer, type UserAccess } from './account-access.ts';
import { configFrom, parseCommandArgs, UsageError } from './args.ts';
import { reachData } from './reach-data.ts';
import { readPasswordFromStdin } from './read-stdin.ts';

/** The console's users: add (with a one-time password), list, remove, reset. */
export default async function userCommand(argv: string[]): Promise<number> {
  const { values, positionals, action } = parseCommandArgs(argv, {
    name: 'user',
    summary: 'People who log in to the console at /admin/.',
    options: {
      role: { type: 'string', arg: 'admin|editor|viewer', help: 'add: the role (required)' },
      'password-stdin': { type: 'boolean', help: 'add, reset: read the password from stdin instead of making a one-time one' },
      json: { type: 'boolean', help: 'list: print JSON' },
    },
    actions: {
      add: { args: '<email>', summary: 'add a user; prints a one-time password they change at the first login', positionals: { min: 1, max: 1 } },
      list: { summary: 'the users and their roles', positionals: { max: 0 } },
      remove: { args: '<email>', summary: 'remove a user and end their sessions (never the last admin)', positionals: { min: 1, max: 1 } },
      reset: { args: '<email>', summary: 'a new one-time password; ends their sessions', positionals: { min: 1, max: 1 } },
    },
    notes: ['example: transwire user add you@example.org --role admin', '         printf "%s" "$PASSWORD" | transwire user add ann@example.org --role editor --password-stdin'],
  });
  if (action === 'add' && !values.role) throw new UsageError('user', 'add: --role admin|editor|viewer is required');
  const role = action === 'add' ? parseRole(values.role) : undefined;
  const password = values['password-stdin'] ? await readPasswordFromStdin() : undefined;
  const config = configFrom(values);
  // Beside a running server on the same PGlite folder, through its API (reach-data.ts).
  const reached = await reachData(config, () => openDbFor(config));
  try {
    return await run(reached.server ? usersOnServer(reached.server) : usersOnDb(reached.direct), action!, positionals[0] ?? '', { role, password, json: values.json === true });
  } finally {
    await reached.direct?.close();
  }
}

async function run(users: UserAccess, action: string, email: string, opts: { role?: ReturnType<typeof parseRole>; password?: string; json: boolean }): Promise<number> {
  const out = (s: string) => process.stdout.write(s);
  if (action === 'list') {
    const all = await users.list();
    if (opts.json) out(`${JSON.stringify(all, null, 2)}\n`);
    else if (all.length === 0) out('no users yet: transwire user add you@example.org --role admin\n');
    else for (const u of all) out(`${u.email}\t${u.role}${u.mustChangePassword ? '\t(one-time password not yet changed)' : ''}\n`);
    return 0;
  }
  if (action === 'add') {
    const { user, password, generated } = await users.add({ email, role: opts.role!, password: opts.password });
    out(generated
      ? `added ${user.email} (${user.role}); one-time password, shown only now:\n${password}\nthey log in at /admin/login and choose their own\n`
      : `added ${user.email} (${user.role}) with the password read from stdin\n`);
    return 0;
  }
  if (action === 'remove') {
    const user = await users.remove(email);
    out(`removed ${user.email}; their sessions have ended\n`);
    return 0;
  }
  const { user, password } = await users.reset(email, opts.password);
  out(opts.password === undefined
    ? `new one-time password for ${user.email}, shown only now:\n${password}\ntheir sessions have ended\n`
    : `password of ${user.email} set from stdin; their sessions have ended\n`);
  return 0;
}
