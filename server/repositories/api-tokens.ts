import type { Insertable, Selectable } from 'kysely';
import type { Executor } from '../db/database.js';
import type { ApiTokensTable } from '../db/tables/accounts.js';

export type ApiTokenRow = Omit<Selectable<ApiTokensTable>, 'token_hash'>;

const LISTED = [
  'id',
  'user_id',
  'name',
  'role',
  'prefix',
  'created_at',
  'created_by',
  'last_used_at',
  'revoked_at',
  'revoked_by',
] as const;

export async function insertApiToken(
  ex: Executor,
  row: Insertable<ApiTokensTable>,
): Promise<ApiTokenRow> {
  return ex.insertInto('api_tokens').values(row).returning(LISTED).executeTakeFirstOrThrow();
}

/** The unrevoked token a hash names, with its owner; undefined when the owner is deactivated. */
export async function findActiveToken(ex: Executor, tokenHash: string) {
  return ex
    .selectFrom('api_tokens as t')
    .innerJoin('users as u', 'u.id', 't.user_id')
    .select(['t.id', 't.user_id', 't.role', 't.last_used_at', 'u.role as owner_role'])
    .where('t.token_hash', '=', tokenHash)
    .where('t.revoked_at', 'is', null)
    .where('u.deactivated_at', 'is', null)
    .executeTakeFirst();
}

export async function tokenByHash(ex: Executor, tokenHash: string) {
  return ex
    .selectFrom('api_tokens')
    .select(LISTED)
    .where('token_hash', '=', tokenHash)
    .executeTakeFirst();
}

export async function findApiToken(ex: Executor, id: string): Promise<ApiTokenRow | undefined> {
  return ex.selectFrom('api_tokens').select(LISTED).where('id', '=', id).executeTakeFirst();
}

/** Tokens newest first: one user's, or everyone's. */
export async function listApiTokens(ex: Executor, userId?: string): Promise<ApiTokenRow[]> {
  return ex
    .selectFrom('api_tokens')
    .select(LISTED)
    .$if(userId !== undefined, (q) => q.where('user_id', '=', userId as string))
    .orderBy('created_at', 'desc')
    .orderBy('id')
    .execute();
}

export async function touchApiToken(ex: Executor, id: string, at: Date) {
  await ex.updateTable('api_tokens').set({ last_used_at: at }).where('id', '=', id).execute();
}

export async function revokeApiToken(
  ex: Executor,
  id: string,
  revokedBy: string,
): Promise<ApiTokenRow> {
  return ex
    .updateTable('api_tokens')
    .set({ revoked_at: new Date(), revoked_by: revokedBy })
    .where('id', '=', id)
    .returning(LISTED)
    .executeTakeFirstOrThrow();
}
