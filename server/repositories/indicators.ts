import type { Insertable, Selectable } from 'kysely';
import type { Executor } from '../db/database.js';
import type { IndicatorExpectationsTable } from '../db/tables/indicator-expectations.js';
import type { IndicatorsTable } from '../db/tables/indicators.js';
import type { IndicatorStatus } from '../domain/indicators.js';
import { END_OF_TIME } from './as-of.js';

export type IndicatorRow = Selectable<IndicatorsTable>;
export type ExpectationRow = Pick<
  Selectable<IndicatorExpectationsTable>,
  'indicator_id' | 'hypothesis_id' | 'expectation'
>;

export async function insertIndicators(ex: Executor, rows: Insertable<IndicatorsTable>[]) {
  if (rows.length > 0) await ex.insertInto('indicators').values(rows).execute();
}

export async function insertExpectations(
  ex: Executor,
  rows: Insertable<IndicatorExpectationsTable>[],
) {
  if (rows.length > 0) await ex.insertInto('indicator_expectations').values(rows).execute();
}

/** The latest expectation per (indicator, hypothesis) pair: a re-rating supersedes. */
export async function currentExpectations(
  ex: Executor,
  indicatorIds: readonly string[],
  asOf?: Date,
): Promise<ExpectationRow[]> {
  if (indicatorIds.length === 0) return [];
  return ex
    .selectFrom('indicator_expectations')
    .distinctOn(['indicator_id', 'hypothesis_id'])
    .select(['indicator_id', 'hypothesis_id', 'expectation'])
    .where('indicator_id', 'in', indicatorIds)
    .$if(asOf !== undefined, (q) => q.where('recorded_at', '<=', asOf as Date))
    .orderBy('indicator_id')
    .orderBy('hypothesis_id')
    .orderBy('recorded_at', 'desc')
    .execute();
}

export interface StatusRow {
  indicator_id: string;
  status: IndicatorStatus;
  observed_at: Date;
}

/**
 * Each indicator's latest status by valid time, from observations known at `asOf` whose
 * evidence had not been retracted by then.
 */
export async function currentStatuses(
  ex: Executor,
  indicatorIds: readonly string[],
  asOf?: Date,
): Promise<StatusRow[]> {
  if (indicatorIds.length === 0) return [];
  return ex
    .selectFrom('indicator_observations as o')
    .leftJoin('evidence_retractions as r', (join) =>
      join
        .onRef('r.evidence_id', '=', 'o.evidence_id')
        .on('r.recorded_at', '<=', asOf ?? END_OF_TIME),
    )
    .distinctOn('o.indicator_id')
    .select(['o.indicator_id', 'o.status', 'o.observed_at'])
    .where('o.indicator_id', 'in', indicatorIds)
    .where('r.evidence_id', 'is', null)
    .$if(asOf !== undefined, (q) => q.where('o.recorded_at', '<=', asOf as Date))
    .orderBy('o.indicator_id')
    .orderBy('o.observed_at', 'desc')
    .orderBy('o.recorded_at', 'desc')
    .execute();
}
