import { openDbFor } from '../app.ts';
import { parseRole } from '../admin/auth/accounts.ts';
import { parseScopes } from '../admin/auth/api-tokens.ts';
import { tokensOnDb, tokensOnServer } from './account-access.ts';
import { configFrom, parseCommandArgs, UsageError } from './args.ts';
import { reachData } from './reach-data.ts';

/** API tokens for /api/v1/: add (shown once, kept hashed), list, revoke. */
export default async function tokenCommand(argv: string[]): Promise<number> {
  const { values, positionals, action } = parseCommandArgs(argv, {
    name: 'token',
    summary: 'Tokens for scripts that call /api/v1/ (Authorization: Bearer …).',
    options: {
      role: { type: 'string', arg: 'admin|editor|viewer', help: 'add: what the token may do (required)' },
      scopes: { type: 'string', arg: 'LIST', help: 'add: the paths under /api/v1/ it may call, comma-separated (default: all its role allows)' },
      json: { type: 'boolean', help: 'list: print JSON' },
    },
    actions: {
      add: { args: '<name>', summary: 'make a token; it is printed once, only its hash is kept', positionals: { min: 1, max: 1 } },
      list: { summary: 'the tokens (never their secrets)', positionals: { max: 0 } },
      revoke: { args: '<name|id>', summary: 'revoke a token: it stops working at once', positionals: { min: 1, max: 1 } },
    },
    notes: ['example: transwire token add newsroom-bot --role editor --scopes takedowns,review'],
  });
  if (action === 'add' && !values.role) throw new UsageError('token', 'add: --role admin|editor|viewer is required');
  const role = action === 'add' ? parseRole(values.role) : undefined;
  const scopes = parseScopes(values.scopes);
  const config = configFrom(values);
  // Beside a running server on the same PGlite folder, through its API (reach-data.ts).
  const reached = await reachData(config, () => openDbFor(config));
  const access = reached.server ? tokensOnServer(reached.server) : tokensOnDb(reached.direct);
  const out = (s: string) => process.stdout.write(s);
  try {
    if (action === 'list') {
      const tokens = await access.list();
      if (values.json) out(`${JSON.stringify(tokens, null, 2)}\n`);
      else if (tokens.length === 0) out('no API tokens: transwire token add <name> --role viewer\n');
      else for (const t of tokens) out(`${t.id}\t${t.name}\t${t.role}\t${t.scopes.length ? t.scopes.join(',') : 'all'}\t${t.revoked_at ? `revoked ${new Date(t.revoked_at).toISOString()}` : t.last_used_at ? `last used ${new Date(t.last_used_at).toISOString()}` : 'never used'}\n`);
      return 0;
    }
    if (action === 'add') {
      const { token, row } = await access.add({ name: positionals[0]!, role: role!, scopes });
      out(`token ${row.name} (${row.role}${row.scopes.length ? `, scopes ${row.scopes.join(',')}` : ''}), shown only now:\n${token}\n`);
      return 0;
    }
    const row = await access.revoke(positionals[0]!);
    out(`revoked token ${row.name}\n`);
    return 0;
  } finally {
    await reached.direct?.close();
  }
}
