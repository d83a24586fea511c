import type { Insertable, Selectable } from 'kysely';
import type { Executor } from '../db/database.js';
import type { Write } from '../db/one-statement.js';
import type { IndicatorExpectationsTable } from '../db/tables/indicator-expectations.js';
import type { IndicatorObservationsTable } from '../db/tables/indicator-observations.js';
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
  evidence_id: string | null;
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
    .select(['o.indicator_id', 'o.status', 'o.observed_at', 'o.evidence_id'])
    .where('o.indicator_id', 'in', indicatorIds)
    .where('r.evidence_id', 'is', null)
    .$if(asOf !== undefined, (q) => q.where('o.recorded_at', '<=', asOf as Date))
    .orderBy('o.indicator_id')
    .orderBy('o.observed_at', 'desc')
    .orderBy('o.recorded_at', 'desc')
    .execute();
}

export type ObservationRow = Selectable<IndicatorObservationsTable>;

/** The insert of these observations, to run alone or with other writes (see writeTogether). */
export const observationsInsert = (
  ex: Executor,
  rows: Insertable<IndicatorObservationsTable>[],
): Write => ex.insertInto('indicator_observations').values(rows);

export async function insertObservations(
  ex: Executor,
  rows: Insertable<IndicatorObservationsTable>[],
): Promise<ObservationRow[]> {
  if (rows.length === 0) return [];
  return ex.insertInto('indicator_observations').values(rows).returningAll().execute();
}

/** Observations reported with these evidence items. */
export async function observationsOfEvidence(
  ex: Executor,
  evidenceIds: readonly string[],
): Promise<ObservationRow[]> {
  if (evidenceIds.length === 0) return [];
  return ex
    .selectFrom('indicator_observations')
    .selectAll()
    .where('evidence_id', 'in', evidenceIds)
    .orderBy('recorded_at')
    .execute();
}

export async function findIndicator(ex: Executor, id: string): Promise<IndicatorRow | undefined> {
  return ex.selectFrom('indicators').selectAll().where('id', '=', id).executeTakeFirst();
}

/** An indicator's observations in valid-time order, with their evidence, as known at `asOf`. */
export async function indicatorHistory(ex: Executor, indicatorId: string, asOf?: Date) {
  const until = asOf ?? END_OF_TIME;
  return ex
    .selectFrom('indicator_observations as o')
    .leftJoin('evidence as e', 'e.id', 'o.evidence_id')
    .leftJoin('evidence_retractions as r', (join) =>
      join.onRef('r.evidence_id', '=', 'o.evidence_id').on('r.recorded_at', '<=', until),
    )
    .select([
      'o.id',
      'o.status',
      'o.observed_at',
      'o.note',
      'o.recorded_at',
      'o.recorded_by',
      'o.evidence_id',
      'e.title as evidence_title',
      'r.evidence_id as retracted_id',
    ])
    .where('o.indicator_id', '=', indicatorId)
    .where('o.recorded_at', '<=', until)
    .orderBy('o.observed_at')
    .orderBy('o.recorded_at')
    .execute();
}

/** Standalone observations with their indicator's title, to name them as causes. */
export async function observationTitles(ex: Executor, ids: readonly string[]) {
  if (ids.length === 0) return [];
  return ex
    .selectFrom('indicator_observations as o')
    .innerJoin('indicators as i', 'i.id', 'o.indicator_id')
    .select(['o.id', 'o.status', 'i.title'])
    .where('o.id', 'in', ids)
    .execute();
}

/** The latest recorded indicator status changes across questions, with what they belong to. */
export async function latestObservations(ex: Executor, limit: number) {
  return ex
    .selectFrom('indicator_observations as o')
    .innerJoin('indicators as i', 'i.id', 'o.indicator_id')
    .innerJoin('questions as q', 'q.id', 'i.question_id')
    .leftJoin('evidence_retractions as r', 'r.evidence_id', 'o.evidence_id')
    .select([
      'o.id',
      'o.status',
      'o.observed_at',
      'o.recorded_at',
      'o.evidence_id',
      'i.id as indicator_id',
      'i.title as indicator_title',
      'q.id as question_id',
      'q.title as question_title',
      'r.evidence_id as retracted_id',
    ])
    .orderBy('o.recorded_at', 'desc')
    .orderBy('o.id', 'desc')
    .limit(limit)
    .execute();
}
