import { type Compilable, sql } from 'kysely';
import type { Executor } from './database.js';

/** A write whose rows are all known: run alone, or sent with others in one statement. */
export type Write = Compilable & { execute(): Promise<unknown> };

/**
 * Runs several writes as one statement (data-modifying WITH clauses, each run exactly once and
 * to completion, foreign keys checked at the statement's end): one round trip instead of one per
 * table, which is most of what a small write costs.
 */
export async function writeTogether(ex: Executor, writes: readonly Write[]): Promise<void> {
  const [last, ...rest] = [...writes].reverse();
  if (!last) return;
  const clauses = rest.reverse().map((write, i) => sql`${sql.id(`write_${i}`)} as (${write})`);
  await (clauses.length > 0 ? sql`with ${sql.join(clauses)} ${last}` : sql`${last}`).execute(ex);
}
