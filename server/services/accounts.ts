import type { Actor } from '../actor.js';
import type { Db, Executor } from '../db/database.js';
import { type AssignableRole, can, PERMISSIONS, type Permission } from '../domain/roles.js';
import { AppError, invalid, notFound } from '../errors.js';
import { newId } from '../ids.js';
import { recordAudit } from '../repositories/audit.js';
import { endSessions } from '../repositories/sessions.js';
import {
  findUser,
  findUserWithCredentials,
  insertUser,
  listUsers,
  passwordHashOf,
  storePasswordHash,
  type UserRow,
  updateUser,
} from '../repositories/users.js';
import { forgetResolvedTokens } from './api-tokens.js';
import { authorize } from './authorize.js';
import { hashPassword, passwordProblems, temporaryPassword, verifyPassword } from './passwords.js';

/**
 * The caller as they act now: their account, with the role of the session or token (a token's
 * may be below its owner's) and the permissions it holds.
 */
export async function whoAmI(db: Db, actor: Actor) {
  const user = await humanUser(db, actor.userId);
  const permissions = (Object.keys(PERMISSIONS) as Permission[]).filter((p) => can(actor.role, p));
  return { ...userView(user), role: actor.role, permissions };
}

/** Every person's account, for admins. */
export async function listAllUsers(db: Db, actor: Actor) {
  authorize(actor, 'users.manage');
  return (await listUsers(db)).map(userView);
}

export interface NewUser {
  username: string;
  display_name: string;
  role: AssignableRole;
  /** The first password; a random one is made (and returned once) when absent. */
  password?: string | undefined;
}

/** A user as shown to people: never a hash. */
export function userView(u: UserRow) {
  return {
    id: u.id,
    username: u.username,
    display_name: u.display_name,
    role: u.role,
    active: u.deactivated_at === null,
    recorded_at: u.recorded_at.toISOString(),
    deactivated_at: u.deactivated_at?.toISOString() ?? null,
  };
}

function checkedPassword(password: string, username: string, field: string) {
  const problems = passwordProblems(password, username);
  if (problems.length) throw invalid(problems.map((message) => ({ path: field, message })));
  return password;
}

/**
 * Creates a user who must choose their own password at first sign-in. Returns the temporary
 * password when Signpost made it: shown once, stored only as a hash.
 */
export async function createUser(db: Db, actor: Actor, input: NewUser) {
  authorize(actor, 'users.manage');
  const password = input.password
    ? checkedPassword(input.password, input.username, 'body.password')
    : temporaryPassword();
  const hash = await hashPassword(password);
  const user = await db.transaction().execute(async (trx) => {
    const taken = await findUserWithCredentials(trx, input.username);
    if (taken) {
      throw new AppError('conflict', `the username ${input.username} is taken`, [
        { path: 'body.username', message: 'is taken' },
      ]);
    }
    const row = await insertUser(trx, {
      id: newId('u'),
      username: input.username,
      display_name: input.display_name,
      role: input.role,
    });
    await storePasswordHash(trx, row.id, hash, true);
    await recordAudit(trx, actor, [
      { action: 'user.create', entity_type: 'user', entity_id: row.id, after: userView(row) },
    ]);
    return row;
  });
  return { user: userView(user), temporary_password: input.password ? null : password };
}

export interface UserChange {
  display_name?: string | undefined;
  role?: AssignableRole | undefined;
  active?: boolean | undefined;
}

/** Changes a user's name, role or standing; deactivating ends their sessions at once. */
export async function changeUser(db: Db, actor: Actor, id: string, change: UserChange) {
  authorize(actor, 'users.manage');
  if (
    id === actor.userId &&
    (change.active === false || (change.role && change.role !== 'admin'))
  ) {
    throw invalid(
      [
        {
          path: change.active === false ? 'body.active' : 'body.role',
          message: 'cannot demote or deactivate yourself',
        },
      ],
      'an admin cannot remove their own admin rights; another admin can',
    );
  }
  const view = await db.transaction().execute(async (trx) => {
    const before = await humanUser(trx, id);
    const after = await updateUser(trx, id, {
      ...(change.display_name !== undefined ? { display_name: change.display_name } : {}),
      ...(change.role !== undefined ? { role: change.role } : {}),
      ...(change.active !== undefined
        ? { deactivated_at: change.active ? null : (before.deactivated_at ?? new Date()) }
        : {}),
    });
    if (change.active === false) await endSessions(trx, { userId: id }, 'deactivated');
    await recordAudit(trx, actor, [
      {
        action: 'user.update',
        entity_type: 'user',
        entity_id: id,
        before: userView(before),
        after: userView(after),
      },
    ]);
    return userView(after);
  });
  // A new role or standing applies to the user's API tokens too.
  forgetResolvedTokens();
  return view;
}

/** An admin resets someone's password: a temporary one, to be changed at next sign-in. */
export async function resetPassword(db: Db, actor: Actor, id: string) {
  authorize(actor, 'users.manage');
  const password = temporaryPassword();
  const hash = await hashPassword(password);
  const user = await db.transaction().execute(async (trx) => {
    const found = await humanUser(trx, id);
    await storePasswordHash(trx, id, hash, true);
    await endSessions(trx, { userId: id }, 'password reset');
    await recordAudit(trx, actor, [
      {
        action: 'user.password_reset',
        entity_type: 'user',
        entity_id: id,
        after: { must_change: true },
      },
    ]);
    return found;
  });
  return { username: user.username, temporary_password: password };
}

/**
 * A user changes their own password, proving the current one. Their other sessions end; the
 * caller rotates the current one.
 */
export async function changeOwnPassword(
  db: Db,
  actor: Actor,
  input: { current_password: string; new_password: string },
  keepSession?: string,
) {
  authorize(actor, 'account.self');
  const user = await humanUser(db, actor.userId);
  const stored = await passwordHashOf(db, actor.userId);
  if (!stored || !(await verifyPassword(input.current_password, stored.password_hash))) {
    throw invalid([{ path: 'body.current_password', message: 'is not your current password' }]);
  }
  checkedPassword(input.new_password, user.username, 'body.new_password');
  if (input.new_password === input.current_password) {
    throw invalid([
      { path: 'body.new_password', message: 'must differ from the current password' },
    ]);
  }
  const hash = await hashPassword(input.new_password);
  await db.transaction().execute(async (trx) => {
    await storePasswordHash(trx, actor.userId, hash, false);
    await endSessions(trx, { userId: actor.userId, keep: keepSession }, 'password changed');
    await recordAudit(trx, actor, [
      {
        action: 'user.password_change',
        entity_type: 'user',
        entity_id: actor.userId,
        before: { must_change: stored.must_change },
        after: { must_change: false },
      },
    ]);
  });
}

async function humanUser(ex: Executor, id: string): Promise<UserRow> {
  const user = await findUser(ex, id);
  if (!user || user.role === 'system') throw notFound('user', id);
  return user;
}
