import { type Insertable, type Selectable, sql } from 'kysely';
import type { Executor } from '../db/database.js';
import type { QuestionsTable } from '../db/tables/questions.js';

export type QuestionRow = Selectable<QuestionsTable>;

export async function insertQuestions(ex: Executor, rows: Insertable<QuestionsTable>[]) {
  if (rows.length > 0) await ex.insertInto('questions').values(rows).execute();
}

export interface QuestionFilter {
  ids?: readonly string[] | undefined;
  tag?: string | undefined;
  /** Recorded time: only what was recorded by then. */
  asOf?: Date | undefined;
}

export async function findQuestions(ex: Executor, filter: QuestionFilter): Promise<QuestionRow[]> {
  const { ids, tag, asOf } = filter;
  return (
    ex
      .selectFrom('questions')
      .selectAll()
      .$if(ids !== undefined, (q) => q.where('id', 'in', ids?.length ? ids : ['']))
      // @> (not = any) so the GIN index on tags serves the filter.
      .$if(tag !== undefined, (q) => q.where(sql<boolean>`tags @> array[${tag}]::text[]`))
      .$if(asOf !== undefined, (q) => q.where('recorded_at', '<=', asOf as Date))
      .orderBy('recorded_at')
      .orderBy('id')
      .execute()
  );
}

/** The question, locked for the rest of the transaction so set-wide checks see a stable set. */
export async function lockQuestion(ex: Executor, id: string): Promise<QuestionRow | undefined> {
  return ex.selectFrom('questions').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

/** Every tag in use, alphabetically. */
export async function allTags(ex: Executor): Promise<string[]> {
  const rows = await ex
    .selectFrom(sql<{ tag: string }>`(select distinct unnest(tags) as tag from questions)`.as('t'))
    .select('t.tag')
    .orderBy('t.tag')
    .execute();
  return rows.map((r) => r.tag);
}

/** Turns a question's blind mode on or off. */
export async function setQuestionBlind(ex: Executor, id: string, blind: boolean) {
  await ex.updateTable('questions').set({ blind }).where('id', '=', id).execute();
}
