import type { Insertable, Selectable } from 'kysely';
import type { Executor } from '../db/database.js';
import type { HypothesesTable } from '../db/tables/hypotheses.js';

export type HypothesisRow = Selectable<HypothesesTable>;

export async function insertHypotheses(ex: Executor, rows: Insertable<HypothesesTable>[]) {
  if (rows.length > 0) await ex.insertInto('hypotheses').values(rows).execute();
}

export async function listHypotheses(
  ex: Executor,
  questionIds: readonly string[],
  asOf?: Date,
): Promise<HypothesisRow[]> {
  if (questionIds.length === 0) return [];
  return ex
    .selectFrom('hypotheses')
    .selectAll()
    .where('question_id', 'in', questionIds)
    .$if(asOf !== undefined, (q) => q.where('recorded_at', '<=', asOf as Date))
    .orderBy('question_id')
    .orderBy('position')
    .execute();
}

/** The position after the last of a question's rows in `table`. */
export async function nextPosition(
  ex: Executor,
  table: 'hypotheses' | 'indicators',
  questionId: string,
): Promise<number> {
  const row = await ex
    .selectFrom(table)
    .select((eb) => eb.fn.max('position').as('last'))
    .where('question_id', '=', questionId)
    .executeTakeFirst();
  return row?.last == null ? 0 : Number(row.last) + 1;
}
