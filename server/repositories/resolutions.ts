import { type Insertable, type Selectable, sql } from 'kysely';
import type { Executor } from '../db/database.js';
import type { ResolutionsTable } from '../db/tables/resolutions.js';
import { END_OF_TIME } from './as-of.js';

export type ResolutionRow = Selectable<ResolutionsTable>;

/**
 * Each hypothesis's standing resolution as known at `asOf`: re-resolving appends, so the latest
 * recorded by then stands. A query to select from or narrow further.
 */
export function standingResolutions(ex: Executor, asOf?: Date) {
  return ex
    .selectFrom('resolutions')
    .distinctOn('hypothesis_id')
    .selectAll()
    .where('recorded_at', '<=', asOf ?? END_OF_TIME)
    .orderBy('hypothesis_id')
    .orderBy('recorded_at', 'desc');
}

/** These hypotheses' standing resolutions at `asOf`. */
export async function currentResolutions(
  ex: Executor,
  hypothesisIds: readonly string[],
  asOf?: Date,
): Promise<ResolutionRow[]> {
  if (hypothesisIds.length === 0) return [];
  return standingResolutions(ex, asOf)
    .where(sql<boolean>`hypothesis_id = any(${hypothesisIds}::text[])`)
    .execute();
}

/** A hypothesis's resolutions known at `asOf`, newest first: the first stands. */
export async function resolutionHistory(
  ex: Executor,
  hypothesisId: string,
  asOf?: Date,
): Promise<ResolutionRow[]> {
  return ex
    .selectFrom('resolutions')
    .selectAll()
    .where('hypothesis_id', '=', hypothesisId)
    .where('recorded_at', '<=', asOf ?? END_OF_TIME)
    .orderBy('recorded_at', 'desc')
    .execute();
}

export async function insertResolutions(
  ex: Executor,
  rows: Insertable<ResolutionsTable>[],
): Promise<ResolutionRow[]> {
  return ex.insertInto('resolutions').values(rows).returningAll().execute();
}

/** Resolutions named for a ledger: "Libya … resolved false". */
export async function resolutionTitles(ex: Executor, ids: readonly string[]) {
  if (ids.length === 0) return [];
  const rows = await ex
    .selectFrom('resolutions as r')
    .innerJoin('hypotheses as h', 'h.id', 'r.hypothesis_id')
    .select(['r.id', 'h.title', 'r.outcome'])
    .where('r.id', 'in', ids)
    .execute();
  return rows.map((r) => ({ id: r.id, title: `${r.title} resolved ${r.outcome}` }));
}
