import { sql } from 'kysely';
import type { Executor } from '../db/database.js';
import { END_OF_TIME } from './as-of.js';
import { standingResolutions } from './resolutions.js';

export interface ResolvedFilter {
  questionIds?: readonly string[] | undefined;
  hypothesisIds?: readonly string[] | undefined;
  /** Questions carrying any of these tags. */
  tags?: readonly string[] | undefined;
  /** resolved_at in [from, before). */
  resolvedFrom?: Date | undefined;
  resolvedBefore?: Date | undefined;
  asOf?: Date | undefined;
}

/**
 * Hypotheses with their standing resolution as known at `asOf` (the latest recorded by then),
 * with their question, in the order they resolved.
 */
export async function resolvedHypotheses(ex: Executor, filter: ResolvedFilter) {
  const asOf = filter.asOf ?? END_OF_TIME;
  const { questionIds, hypothesisIds, tags, resolvedFrom, resolvedBefore } = filter;
  return ex
    .selectFrom(standingResolutions(ex, asOf).as('r'))
    .innerJoin('hypotheses as h', 'h.id', 'r.hypothesis_id')
    .innerJoin('questions as q', 'q.id', 'h.question_id')
    .select([
      'h.id as hypothesis_id',
      'h.title as hypothesis_title',
      'h.opened_at',
      'q.id as question_id',
      'q.title as question_title',
      'q.kind as question_kind',
      'r.id as resolution_id',
      'r.outcome',
      'r.resolved_at',
    ])
    .where('h.recorded_at', '<=', asOf)
    .$if(questionIds !== undefined, (q) =>
      q.where(sql<boolean>`q.id = any(${questionIds}::text[])`),
    )
    .$if(hypothesisIds !== undefined, (q) =>
      q.where(sql<boolean>`h.id = any(${hypothesisIds}::text[])`),
    )
    .$if(tags !== undefined, (q) => q.where(sql<boolean>`q.tags && ${tags}::text[]`))
    .$if(resolvedFrom !== undefined, (q) => q.where('r.resolved_at', '>=', resolvedFrom as Date))
    .$if(resolvedBefore !== undefined, (q) => q.where('r.resolved_at', '<', resolvedBefore as Date))
    .orderBy('r.resolved_at')
    .orderBy('h.id')
    .execute();
}
export type ResolvedHypothesisRow = Awaited<ReturnType<typeof resolvedHypotheses>>[number];

/**
 * Every hypothesis of these questions as known at `asOf`, in set order, with its prior and its
 * standing outcome (null while open): the sets scoring reads priors and set sizes from, in the
 * few columns it needs.
 */
export async function scoringSets(ex: Executor, questionIds: readonly string[], asOf?: Date) {
  return ex
    .selectFrom('hypotheses as h')
    .leftJoin(standingResolutions(ex, asOf).as('r'), 'r.hypothesis_id', 'h.id')
    .select(['h.id', 'h.question_id', 'h.prior', 'r.outcome'])
    .where(sql<boolean>`h.question_id = any(${questionIds}::text[])`)
    .where('h.recorded_at', '<=', asOf ?? END_OF_TIME)
    .orderBy('h.question_id')
    .orderBy('h.position')
    .execute();
}

/** Everyone who can be scored as an analyst: the installation's users, Signpost itself aside. */
export async function analystUsers(ex: Executor) {
  return ex
    .selectFrom('users')
    .select(['id', 'display_name'])
    .where('role', '<>', 'system')
    .orderBy('display_name')
    .execute();
}

/** The sources whose cited words were read as forecasts. */
export async function forecastingSources(ex: Executor) {
  return ex
    .selectFrom('sources as s')
    .select(['s.id', 's.title', 's.author', 's.published_on'])
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('citations as c')
          .innerJoin('assessments as a', 'a.citation_id', 'c.id')
          .select('a.id')
          .whereRef('c.source_id', '=', 's.id'),
      ),
    )
    .orderBy('s.published_on')
    .orderBy('s.title')
    .execute();
}
