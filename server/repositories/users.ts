import type { Insertable, Selectable, Updateable } from 'kysely';
import type { Executor } from '../db/database.js';
import type { UsersTable } from '../db/tables/users.js';

export type UserRow = Selectable<UsersTable>;

/** The people who can sign in or hold tokens: every user but Signpost itself. */
export async function listUsers(ex: Executor): Promise<UserRow[]> {
  return ex
    .selectFrom('users')
    .selectAll()
    .where('role', '!=', 'system')
    .orderBy('username')
    .execute();
}

export async function findUser(ex: Executor, id: string): Promise<UserRow | undefined> {
  return ex.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
}

/** A user by username, with their password hash when they have one. */
export async function findUserWithCredentials(ex: Executor, username: string) {
  return ex
    .selectFrom('users as u')
    .leftJoin('user_credentials as c', 'c.user_id', 'u.id')
    .selectAll('u')
    .select(['c.password_hash', 'c.must_change'])
    .where('u.username', '=', username)
    .executeTakeFirst();
}

export async function passwordHashOf(ex: Executor, userId: string) {
  return ex
    .selectFrom('user_credentials')
    .select(['password_hash', 'must_change'])
    .where('user_id', '=', userId)
    .executeTakeFirst();
}

export async function insertUser(ex: Executor, row: Insertable<UsersTable>): Promise<UserRow> {
  return ex.insertInto('users').values(row).returningAll().executeTakeFirstOrThrow();
}

export async function updateUser(
  ex: Executor,
  id: string,
  change: Updateable<UsersTable>,
): Promise<UserRow> {
  return ex
    .updateTable('users')
    .set(change)
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Sets a user's password hash, first or replacing the last. */
export async function storePasswordHash(
  ex: Executor,
  userId: string,
  passwordHash: string,
  mustChange: boolean,
) {
  await ex
    .insertInto('user_credentials')
    .values({ user_id: userId, password_hash: passwordHash, must_change: mustChange })
    .onConflict((oc) =>
      oc.column('user_id').doUpdateSet({
        password_hash: passwordHash,
        must_change: mustChange,
        changed_at: new Date(),
      }),
    )
    .execute();
}

/** Whether anyone has ever been given a password: false only on a first start. */
export async function anyCredentials(ex: Executor): Promise<boolean> {
  const row = await ex.selectFrom('user_credentials').select('user_id').limit(1).executeTakeFirst();
  return row !== undefined;
}

/** The active admin who has been one longest: the owner of the bootstrap token. */
export async function firstActiveAdmin(ex: Executor): Promise<UserRow | undefined> {
  return ex
    .selectFrom('users')
    .selectAll()
    .where('role', '=', 'admin')
    .where('deactivated_at', 'is', null)
    .orderBy('recorded_at')
    .orderBy('id')
    .limit(1)
    .executeTakeFirst();
}
