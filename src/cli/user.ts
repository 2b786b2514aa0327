import { openDbFor } from '../app.ts';
import { addUser, allUsers, parseRole, removeUser, resetPassword } from '../admin/auth/accounts.ts';
import { insertAudit } from '../store/audit-log.ts';
import type { Db } from '../store/db.ts';
import { configFrom, parseCommandArgs, UsageError } from './args.ts';
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
  const db = await openDbFor(config);
  try {
    return await run(db, action!, positionals[0] ?? '', { role, password, json: values.json === true });
  } finally {
    await db.close();
  }
}

const audit = (db: Db, action: string, target: string, change: { before?: unknown; after?: unknown }) =>
  insertAudit(db, { userId: null, actor: 'local-cli', via: 'cli', action, target, ...change });

async function run(db: Db, action: string, email: string, opts: { role?: ReturnType<typeof parseRole>; password?: string; json: boolean }): Promise<number> {
  const out = (s: string) => process.stdout.write(s);
  if (action === 'list') {
    const users = await allUsers(db);
    if (opts.json) out(`${JSON.stringify(users, null, 2)}\n`);
    else if (users.length === 0) out('no users yet: transwire user add you@example.org --role admin\n');
    else for (const u of users) out(`${u.email}\t${u.role}${u.mustChangePassword ? '\t(one-time password not yet changed)' : ''}\n`);
    return 0;
  }
  if (action === 'add') {
    const { user, password, generated } = await addUser(db, { email, role: opts.role!, password: opts.password });
    await audit(db, 'user.add', `user:${user.email}`, { after: { email: user.email, role: user.role } });
    out(generated
      ? `added ${user.email} (${user.role}); one-time password, shown only now:\n${password}\nthey log in at /admin/login and choose their own\n`
      : `added ${user.email} (${user.role}) with the password read from stdin\n`);
    return 0;
  }
  if (action === 'remove') {
    const user = await removeUser(db, email);
    await audit(db, 'user.remove', `user:${user.email}`, { before: { email: user.email, role: user.role } });
    out(`removed ${user.email}; their sessions have ended\n`);
    return 0;
  }
  const { user, password } = await resetPassword(db, email, opts.password);
  await audit(db, 'user.reset', `user:${user.email}`, { after: { mustChangePassword: opts.password === undefined } });
  out(opts.password === undefined
    ? `new one-time password for ${user.email}, shown only now:\n${password}\ntheir sessions have ended\n`
    : `password of ${user.email} set from stdin; their sessions have ended\n`);
  return 0;
}
