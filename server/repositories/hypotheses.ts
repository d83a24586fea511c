import type { Insertable, Selectable, Updateable } from 'kysely';
import type { Executor } from '../db/database.js';
import type { HypothesesTable } from '../db/tables/hypotheses.js';

export type HypothesisRow = Selectable<HypothesesTable>;

export async function insertHypotheses(ex: Executor, rows: Insertable<HypothesesTable>[]) {
  if (rows.length > 0) await ex.insertInto('hypotheses').values(rows).execute();
}

export async function findHypothesis(ex: Executor, id: string): Promise<HypothesisRow | undefined> {
  return ex.selectFrom('hypotheses').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The hypotheses with these ids, as recorded by `asOf`. */
export async function findHypotheses(
  ex: Executor,
  ids: readonly string[],
  asOf?: Date,
): Promise<HypothesisRow[]> {
  if (ids.length === 0) return [];
  return ex
    .selectFrom('hypotheses')
    .selectAll()
    .where('id', 'in', ids)
    .$if(asOf !== undefined, (q) => q.where('recorded_at', '<=', asOf as Date))
    .execute();
}

/** The hypothesis, locked against concurrent edits until the transaction ends. */
export async function lockHypothesis(ex: Executor, id: string): Promise<HypothesisRow | undefined> {
  return ex
    .selectFrom('hypotheses')
    .selectAll()
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
}

export async function updateHypothesis(
  ex: Executor,
  id: string,
  change: Updateable<HypothesesTable>,
) {
  await ex.updateTable('hypotheses').set(change).where('id', '=', id).execute();
}
