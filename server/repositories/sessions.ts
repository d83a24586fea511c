import type { Insertable } from 'kysely';
import type { Executor } from '../db/database.js';
import type { SessionsTable } from '../db/tables/accounts.js';

export async function insertSession(ex: Executor, row: Insertable<SessionsTable>) {
  await ex.insertInto('sessions').values(row).execute();
}

/**
 * The live session a token hash names, with its user: not ended, not past its absolute
 * expiry, seen within the idle limit, its user active.
 */
export async function findLiveSession(ex: Executor, tokenHash: string, idleSince: Date) {
  return ex
    .selectFrom('sessions as s')
    .innerJoin('users as u', 'u.id', 's.user_id')
    .innerJoin('user_credentials as c', 'c.user_id', 's.user_id')
    .select([
      's.id',
      's.user_id',
      's.csrf_token',
      's.last_seen_at',
      'u.role',
      'u.username',
      'u.display_name',
      'c.must_change',
    ])
    .where('s.token_hash', '=', tokenHash)
    .where('s.ended_at', 'is', null)
    .where('s.expires_at', '>', new Date())
    .where('s.last_seen_at', '>', idleSince)
    .where('u.deactivated_at', 'is', null)
    .executeTakeFirst();
}

export async function touchSession(ex: Executor, id: string, at: Date) {
  await ex.updateTable('sessions').set({ last_seen_at: at }).where('id', '=', id).execute();
}

/** Ends sessions: one by id, or every live one of a user (but `keep`). */
export async function endSessions(
  ex: Executor,
  which: { id: string } | { userId: string; keep?: string },
  reason: string,
) {
  await ex
    .updateTable('sessions')
    .set({ ended_at: new Date(), ended_reason: reason })
    .where('ended_at', 'is', null)
    .$if('id' in which, (q) => q.where('id', '=', (which as { id: string }).id))
    .$if('userId' in which, (q) => {
      const w = which as { userId: string; keep?: string };
      const mine = q.where('user_id', '=', w.userId);
      return w.keep ? mine.where('id', '!=', w.keep) : mine;
    })
    .execute();
}
