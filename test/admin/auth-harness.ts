import pino from 'pino';
import type { Role } from '../../src/admin/admin-route.ts';
import { createApiToken } from '../../src/admin/auth/api-tokens.ts';
import { hashPassword } from '../../src/admin/auth/password.ts';
import { startSession, DEFAULT_SESSION_POLICY } from '../../src/admin/auth/session.ts';
import { createConsoleHandler, type ConsoleOptions } from '../../src/admin/mount-console.ts';
import { configSchema } from '../../src/config/schema.ts';
import { createHttpClient } from '../../src/fetch/index.ts';
import type { Db } from '../../src/store/db.ts';
import { insertUser } from '../../src/store/users.ts';

/** Where the in-memory requests are sent: the console's own origin. */
export const ORIGIN = 'http://127.0.0.1:8080';

export interface Identity {
  userId: number;
  email: string;
  cookie: string;
  csrf: string;
}

/**
 * The console's mount called in memory (no port): the real handler, sessions, tokens and
 * database, with a clock the test moves.
 */
export function consoleHarness(db: Db, opts: Partial<ConsoleOptions> = {}) {
  const clock = { now: new Date('2026-12-01T09:00:00Z') };
  const config = configSchema.parse({ site: { name: 'Wire', baseUrl: ORIGIN, languages: ['es', 'en'] } });
  const handler = createConsoleHandler({
    services: {
      db,
      config,
      site: { name: 'Wire', baseUrl: ORIGIN, languages: ['es', 'en'], defaultLanguage: 'es' },
      log: pino({ level: 'silent' }),
      translator: () => { throw new Error('no translator in this test'); },
      http: () => createHttpClient({ userAgent: 'transwire-test', allowPrivate: [] }),
    },
    now: () => clock.now,
    ...opts,
  });
  let n = 0;

  async function call(method: string, path: string, o: { cookie?: string; form?: Record<string, string>; headers?: Record<string, string>; address?: string; body?: string } = {}): Promise<Response> {
    const headers: Record<string, string> = { ...o.headers };
    if (o.cookie) headers.cookie = o.cookie;
    let body: string | undefined = o.body;
    if (o.form) {
      body = new URLSearchParams(o.form).toString();
      headers['content-type'] = 'application/x-www-form-urlencoded';
    }
    return handler(new Request(ORIGIN + path, { method, headers, body: method === 'GET' ? undefined : body }), { address: o.address ?? '203.0.113.7' });
  }

  return {
    clock,
    handler,
    call,
    /** A user of this role with a live session (made directly: no password hashing per call). */
    async signIn(role: Role, email = `${role}-${++n}-${Date.now()}@newsroom.example`): Promise<Identity> {
      const user = await insertUser(db, { email, role, passwordHash: 'scrypt$invalid', mustChangePassword: false });
      const session = await startSession(db, user.id, clock.now, DEFAULT_SESSION_POLICY);
      return { userId: user.id, email: user.email, cookie: `tw_session=${session.id}`, csrf: session.csrfToken };
    },
    /** A user who logs in with this password through the form. */
    async addUser(email: string, role: Role, password: string): Promise<number> {
      return (await insertUser(db, { email, role, passwordHash: await hashPassword(password), mustChangePassword: false })).id;
    },
    async token(role: Role, scopes: string[] = []): Promise<string> {
      return (await createApiToken(db, { name: `t-${role}-${++n}-${Date.now()}`, role, scopes, createdBy: 'test' })).token;
    },
    /** GET /admin/login, then POST it: the whole login as a browser does it. */
    async logIn(email: string, password: string, o: { cookie?: string; address?: string } = {}): Promise<Response> {
      const page = await call('GET', '/admin/login', { cookie: o.cookie });
      const set = /tw_login=([^;]*)/.exec(page.headers.getSetCookie().join('\n'))?.[1];
      const loginToken = set ?? /tw_login=([^;]*)/.exec(o.cookie ?? '')?.[1] ?? '';
      const cookie = [o.cookie, set ? `tw_login=${set}` : ''].filter(Boolean).join('; ');
      return call('POST', '/admin/login', { cookie, address: o.address, form: { csrf: loginToken, email, password } });
    },
  };
}

export type ConsoleHarness = ReturnType<typeof consoleHarness>;

export function sessionCookieOf(res: Response): string | undefined {
  const v = /tw_session=([^;]*)/.exec(res.headers.getSetCookie().join('\n'))?.[1];
  return v ? `tw_session=${v}` : undefined;
}
