import { type Insertable, type Selectable, sql } from 'kysely';
import type { Executor } from '../db/database.js';
import type { AssessmentsTable } from '../db/tables/assessments.js';
import { END_OF_TIME } from './as-of.js';

export type AssessmentRow = Selectable<AssessmentsTable>;

export async function insertAssessments(ex: Executor, rows: Insertable<AssessmentsTable>[]) {
  if (rows.length > 0) await ex.insertInto('assessments').values(rows).execute();
}

/**
 * Each analyst's standing judgment on each hypothesis: their latest by valid time among those
 * known at `asOf` and not retracted by then, with who they are.
 */
export async function currentAnalystJudgments(
  ex: Executor,
  hypothesisIds: readonly string[],
  asOf?: Date,
) {
  if (hypothesisIds.length === 0) return [];
  return ex
    .selectFrom('assessments as a')
    .innerJoin('users as u', 'u.id', 'a.analyst_id')
    .leftJoin('assessment_retractions as r', (join) =>
      join.onRef('r.assessment_id', '=', 'a.id').on('r.recorded_at', '<=', asOf ?? END_OF_TIME),
    )
    .distinctOn(['a.hypothesis_id', 'a.analyst_id'])
    .selectAll('a')
    .select(['u.username', 'u.display_name'])
    .where('a.hypothesis_id', 'in', hypothesisIds)
    .where('a.forecaster_kind', '=', 'analyst')
    .where('r.assessment_id', 'is', null)
    .$if(asOf !== undefined, (q) => q.where('a.recorded_at', '<=', asOf as Date))
    .orderBy('a.hypothesis_id')
    .orderBy('a.analyst_id')
    .orderBy('a.valid_at', 'desc')
    .orderBy('a.recorded_at', 'desc')
    .execute();
}
export type StandingJudgment = Awaited<ReturnType<typeof currentAnalystJudgments>>[number];

/**
 * Hypotheses' analyst and source forecasts known at `until` and not retracted by then, in
 * valid-time order (the later recorded last among equals), with the citation they came from.
 */
function liveForecasts(ex: Executor, hypothesisIds: readonly string[], until: Date) {
  return ex
    .selectFrom('assessments as a')
    .leftJoin('assessment_retractions as r', (join) =>
      join.onRef('r.assessment_id', '=', 'a.id').on('r.recorded_at', '<=', until),
    )
    .leftJoin('citations as c', 'c.id', 'a.citation_id')
    .where(sql<boolean>`a.hypothesis_id = any(${hypothesisIds}::text[])`)
    .where('a.forecaster_kind', 'in', ['analyst', 'source'])
    .where('a.recorded_at', '<=', until)
    .where('r.assessment_id', 'is', null)
    .orderBy('a.valid_at')
    .orderBy('a.recorded_at');
}

/**
 * Hypotheses' analyst and source forecasts known at `asOf` and not retracted by then, in
 * valid-time order, with the citing source's title for the source series.
 */
export async function forecastsOfHypotheses(
  ex: Executor,
  hypothesisIds: readonly string[],
  asOf?: Date,
) {
  return liveForecasts(ex, hypothesisIds, asOf ?? END_OF_TIME)
    .leftJoin('sources as s', 's.id', 'c.source_id')
    .select([
      'a.id',
      'a.hypothesis_id',
      'a.forecaster_kind',
      'a.analyst_id',
      'a.citation_id',
      'a.probability',
      'a.rationale',
      'a.valid_at',
      'a.recorded_at',
      'c.source_id',
      's.title as source_title',
      's.author as source_author',
      'c.words as citation_words',
    ])
    .execute();
}

/**
 * The same forecasts as scoring reads them: whose, when and how likely, and nothing else, since
 * a report over thousands of hypotheses spends its time turning columns into values.
 */
export async function forecastPoints(ex: Executor, hypothesisIds: readonly string[], asOf?: Date) {
  return liveForecasts(ex, hypothesisIds, asOf ?? END_OF_TIME)
    .select([
      'a.hypothesis_id',
      'a.forecaster_kind',
      'a.analyst_id',
      'c.source_id',
      'a.probability',
      'a.valid_at',
    ])
    .execute();
}

/** Of `questionIds`, those on which the user had recorded a judgment by `asOf`. */
export async function questionsJudgedBy(
  ex: Executor,
  userId: string,
  questionIds: readonly string[],
  asOf?: Date,
): Promise<Set<string>> {
  if (questionIds.length === 0) return new Set();
  const rows = await ex
    .selectFrom('assessments as a')
    .innerJoin('hypotheses as h', 'h.id', 'a.hypothesis_id')
    .select('h.question_id')
    .distinct()
    .where('h.question_id', 'in', questionIds)
    .where('a.forecaster_kind', '=', 'analyst')
    .where('a.analyst_id', '=', userId)
    .$if(asOf !== undefined, (q) => q.where('a.recorded_at', '<=', asOf as Date))
    .execute();
  return new Set(rows.map((r) => r.question_id));
}
