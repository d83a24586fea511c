import type { Insertable, Selectable } from 'kysely';
import type { Executor } from '../db/database.js';
import type { CitationsTable } from '../db/tables/citations.js';

export type CitationRow = Selectable<CitationsTable>;

export async function insertCitations(ex: Executor, rows: Insertable<CitationsTable>[]) {
  if (rows.length > 0) await ex.insertInto('citations').values(rows).execute();
}

/** The citations of the given hypotheses and indicators, in their stated order. */
export async function listCitations(
  ex: Executor,
  owners: { hypothesisIds: readonly string[]; indicatorIds: readonly string[] },
  asOf?: Date,
): Promise<CitationRow[]> {
  const { hypothesisIds, indicatorIds } = owners;
  if (hypothesisIds.length === 0 && indicatorIds.length === 0) return [];
  return ex
    .selectFrom('citations')
    .selectAll()
    .where((eb) =>
      eb.or([
        eb('hypothesis_id', 'in', hypothesisIds.length ? hypothesisIds : ['']),
        eb('indicator_id', 'in', indicatorIds.length ? indicatorIds : ['']),
      ]),
    )
    .$if(asOf !== undefined, (q) => q.where('recorded_at', '<=', asOf as Date))
    .orderBy('position')
    .execute();
}
