import { PermanentError } from '../../domain/errors.ts';
import type { Db } from '../../store/db.ts';
import { deleteUserSessions } from '../../store/sessions.ts';
import { countAdmins, deleteUser, findUserByEmail, insertUser, listUsers, normalizeEmail, updatePassword, type UserRow } from '../../store/users.ts';
import { ROLES, type AdminContext, type Role } from '../admin-route.ts';
import { generatePassword, hashPassword, passwordProblem } from './password.ts';

/** A refusal a person can act on (bad email, last admin); the console shows it, the CLI prints it. */
export class AccountError extends PermanentError {
  constructor(message: string, readonly status = 400) {
    super(message, 'account.refused', { httpStatus: status });
    this.name = 'AccountError';
  }
}

/** Wraps an account change so that a refusal a person can act on is shown on `page`, with its status. */
export function showingRefusals(page: (ctx: AdminContext, opts: { error: string; status: number }) => Promise<Response>) {
  return async (ctx: AdminContext, change: () => Promise<Response>): Promise<Response> => {
    try {
      return await change();
    } catch (err) {
      if (err instanceof AccountError) return page(ctx, { error: err.message, status: err.status });
      throw err;
    }
  };
}

export interface UserSummary {
  id: number;
  email: string;
  role: Role;
  mustChangePassword: boolean;
  createdAt: Date;
}

export function summarizeUser(u: UserRow): UserSummary {
  return { id: u.id, email: u.email, role: u.role, mustChangePassword: u.must_change_password, createdAt: u.created_at };
}

export function parseRole(value: string | null | undefined): Role {
  if (value && (ROLES as readonly string[]).includes(value)) return value as Role;
  throw new AccountError(`the role must be ${ROLES.join(', ')}, not "${value ?? ''}"`);
}

function checkEmail(email: string): string {
  const e = normalizeEmail(email);
  if (e.length > 254 || !/^[^\s@<>"']+@[^\s@<>"']+$/.test(e)) throw new AccountError(`"${email}" is not an email address`);
  return e;
}

/**
 * Adds a user. Without a password one is made up and returned (shown once); the user must change
 * it at the first login. A password given is checked and kept.
 */
export async function addUser(db: Db, input: { email: string; role: Role; password?: string }): Promise<{ user: UserSummary; password: string; generated: boolean }> {
  const email = checkEmail(input.email);
  if (await findUserByEmail(db, email)) throw new AccountError(`${email} already has an account`, 409);
  const generated = input.password === undefined;
  const password = input.password ?? generatePassword();
  const problem = passwordProblem(password);
  if (problem) throw new AccountError(problem);
  const row = await insertUser(db, { email, role: input.role, passwordHash: await hashPassword(password), mustChangePassword: generated });
  return { user: summarizeUser(row), password, generated };
}

async function existing(db: Db, email: string): Promise<UserRow> {
  const user = await findUserByEmail(db, email);
  if (!user) throw new AccountError(`no user ${normalizeEmail(email)}`, 404);
  return user;
}

/** Removes a user and ends their sessions; the last admin stays (nobody could add one back from the console). */
export async function removeUser(db: Db, email: string): Promise<UserSummary> {
  const user = await existing(db, email);
  if (user.role === 'admin' && (await countAdmins(db)) <= 1) throw new AccountError(`${user.email} is the last admin; add another admin first`, 409);
  await deleteUser(db, user.id);
  return summarizeUser(user);
}

/** Sets a new one-time password (or the one given), ending every session of the user. */
export async function resetPassword(db: Db, email: string, password?: string): Promise<{ user: UserSummary; password: string }> {
  const user = await existing(db, email);
  const pw = password ?? generatePassword();
  const problem = passwordProblem(pw);
  if (problem) throw new AccountError(problem);
  await updatePassword(db, user.id, await hashPassword(pw), password === undefined);
  await deleteUserSessions(db, user.id);
  return { user: summarizeUser(user), password: pw };
}

export async function allUsers(db: Db): Promise<UserSummary[]> {
  return (await listUsers(db)).map(summarizeUser);
}
