import { type Selectable, sql } from 'kysely';
import type { Database, Executor } from '../db/database.js';

/** Hypotheses and indicators: the rows that belong to a question, in a stated order. */
export type MemberTable = 'hypotheses' | 'indicators';

/** A question's members in their order, as recorded by `asOf`. */
export async function listMembers<T extends MemberTable>(
  ex: Executor,
  table: T,
  questionIds: readonly string[],
  asOf?: Date,
): Promise<Selectable<Database[T]>[]> {
  if (questionIds.length === 0) return [];
  const rows = await ex
    .selectFrom(table as MemberTable)
    .selectAll()
    .where(sql<boolean>`question_id = any(${questionIds}::text[])`)
    .$if(asOf !== undefined, (q) => q.where('recorded_at', '<=', asOf as Date))
    .orderBy('question_id')
    .orderBy('position')
    .execute();
  return rows as Selectable<Database[T]>[];
}

/** The position after the last of a question's members in `table`. */
export async function nextPosition(
  ex: Executor,
  table: MemberTable,
  questionId: string,
): Promise<number> {
  const row = await ex
    .selectFrom(table)
    .select((eb) => eb.fn.max('position').as('last'))
    .where('question_id', '=', questionId)
    .executeTakeFirst();
  return row?.last == null ? 0 : Number(row.last) + 1;
}
