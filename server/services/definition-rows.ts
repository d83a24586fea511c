import type { Insertable } from 'kysely';
import type { Actor } from '../actor.js';
import type { HypothesesTable } from '../db/tables/hypotheses.js';
import type { IndicatorExpectationsTable } from '../db/tables/indicator-expectations.js';
import type { IndicatorsTable } from '../db/tables/indicators.js';
import type { QuestionsTable } from '../db/tables/questions.js';
import type { Expectation } from '../domain/indicators.js';
import { normalisePriors, type QuestionKind } from '../domain/questions.js';
import type { FieldProblem } from '../errors.js';
import { newId } from '../ids.js';
import { startOf } from '../schemas/common.js';
import type { HypothesisInput, IndicatorInput, QuestionInput } from '../schemas/definitions.js';

/**
 * Rows and checks shared by the API's definition routes and the scenario importer, so both
 * apply the same rules to the same fields.
 */

type QuestionFields = Omit<QuestionInput, 'hypotheses'>;
type IndicatorFields = Omit<IndicatorInput, 'expectations'>;

export function questionRow(
  id: string,
  key: string | null,
  input: QuestionFields,
  actor: Actor,
): Insertable<QuestionsTable> {
  return {
    id,
    key,
    title: input.title,
    description: input.description,
    kind: input.kind,
    tags: [...new Set(input.tags)],
    recorded_by: actor.userId,
  };
}

/** Where a hypothesis or indicator sits: its id, optional scenario key, question and order. */
export interface Placement {
  id: string;
  key: string | null;
  questionId: string;
  position: number;
}

/** The position after the last of a question's members (0 for the first). */
export const positionAfter = (rows: readonly { position: number }[]) =>
  Math.max(-1, ...rows.map((r) => r.position)) + 1;

const placed = (p: Placement) => ({
  id: p.id,
  key: p.key,
  question_id: p.questionId,
  position: p.position,
});

export function hypothesisRow(
  placement: Placement,
  input: HypothesisInput,
  actor: Actor,
  now: Date,
): Insertable<HypothesesTable> {
  return {
    ...placed(placement),
    title: input.title,
    statement: input.statement,
    horizon: input.horizon,
    resolution_criteria: input.resolution_criteria,
    prior: input.prior,
    opened_at: input.opened_at ? startOf(input.opened_at) : now,
    rationale: input.rationale ?? null,
    recorded_by: actor.userId,
  };
}

/** A hypothesis judged before it opens could never be forecast. */
export function horizonProblem(
  input: HypothesisInput,
  now: Date,
  path: string,
): FieldProblem | undefined {
  const opened = input.opened_at ? startOf(input.opened_at) : now;
  if (input.horizon >= opened.toISOString().slice(0, 10)) return undefined;
  return {
    path,
    message: input.opened_at
      ? `is before the hypothesis opens (${input.opened_at})`
      : 'is in the past; give opened_at to record a hypothesis that opened earlier',
  };
}

/** METHODS §3: an exclusive set must normalise; the problem names the prior that cannot. */
export function priorProblem(
  kind: QuestionKind,
  priors: readonly number[],
  pathOf: (index: number) => string,
): FieldProblem | undefined {
  if (kind !== 'exclusive' || priors.length === 0) return undefined;
  const result = normalisePriors(priors);
  return result.ok ? undefined : { path: pathOf(result.index), message: result.reason };
}

export function indicatorRow(
  placement: Placement,
  input: IndicatorFields,
  actor: Actor,
): Insertable<IndicatorsTable> {
  return {
    ...placed(placement),
    title: input.title,
    description: input.description,
    threshold: input.threshold ?? null,
    expected_by: input.expected_by ?? null,
    recorded_by: actor.userId,
  };
}

export function expectationRows(
  indicator: { id: string; questionId: string },
  ratings: readonly (readonly [hypothesisId: string, expectation: Expectation])[],
  actor: Actor,
): Insertable<IndicatorExpectationsTable>[] {
  return ratings.map(([hypothesisId, expectation]) => ({
    id: newId('exp'),
    question_id: indicator.questionId,
    indicator_id: indicator.id,
    hypothesis_id: hypothesisId,
    expectation,
    recorded_by: actor.userId,
  }));
}
