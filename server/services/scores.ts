import type { Executor } from '../db/database.js';
import {
  brierOverTime,
  type CaseScore,
  skillAgainst,
  summariseScores,
} from '../domain/forecaster-scores.js';
import { brierScore, mean } from '../domain/scoring.js';
import { type FieldProblem, invalid } from '../errors.js';
import { findHypotheses } from '../repositories/hypotheses.js';
import { allTags, findQuestions } from '../repositories/questions.js';
import { type ResolvedHypothesisRow, resolvedHypotheses } from '../repositories/scores.js';
import { asOfInstant, startOf } from '../schemas/common.js';
import type {
  ForecasterScores,
  ForecastScore,
  ScoreReport,
  ScoresQuery,
} from '../schemas/scores.js';
import {
  authorForecasterId,
  type Forecaster,
  forecasterDirectory,
  selectForecasters,
} from './forecasters.js';
import { type Scored, scoredCases } from './scoring-cases.js';
import { SCORING_CONVENTIONS } from './scoring-conventions.js';

const DAY_MS = 86_400_000;

async function checkFilters(ex: Executor, query: ScoresQuery, asOf: Date | undefined) {
  const problems: FieldProblem[] = [];
  if (query.question) {
    const known = new Set(
      (await findQuestions(ex, { ids: query.question, asOf })).map((q) => q.id),
    );
    for (const id of query.question.filter((q) => !known.has(q)))
      problems.push({ path: 'query.question', message: `no question with id ${id}` });
  }
  if (query.hypothesis) {
    const known = new Set((await findHypotheses(ex, query.hypothesis, asOf)).map((h) => h.id));
    for (const id of query.hypothesis.filter((h) => !known.has(h)))
      problems.push({ path: 'query.hypothesis', message: `no hypothesis with id ${id}` });
  }
  if (query.tag) {
    const tags = new Set(await allTags(ex));
    for (const tag of query.tag.filter((t) => !tags.has(t)))
      problems.push({ path: 'query.tag', message: `no question has the tag ${tag}` });
  }
  if (query.resolved_from && query.resolved_to && query.resolved_from > query.resolved_to)
    problems.push({ path: 'query.resolved_from', message: 'must not be after resolved_to' });
  if (problems.length > 0) throw invalid(problems);
}

const REFERENCES: Record<string, string> = {
  constant: 'constant 0.5',
  'base-rate': 'the base rate of the scored set',
  prior: "each hypothesis's prior",
};

function referenceBrier(
  reference: string,
  scored: Scored,
  directory: ReadonlyMap<string, Forecaster>,
  scores: readonly CaseScore[],
): (s: CaseScore) => number | undefined {
  switch (reference) {
    case 'constant':
      return () => 0.25;
    case 'base-rate': {
      const base = mean(scores.map((s) => s.outcome)) ?? 0;
      return (s) => brierScore(base, s.outcome);
    }
    case 'prior':
      return (s) => brierScore(scored.priors.get(s.hypothesisId) as number, s.outcome);
    default: {
      const other = new Map(
        scored
          .scoresOf(directory.get(reference) as Forecaster)
          .map((s) => [s.hypothesisId, s.brier]),
      );
      return (s) => other.get(s.hypothesisId);
    }
  }
}

export interface ScoreComputation {
  report: ScoreReport;
  /**
   * The per-forecast scores behind every figure of the report, built when asked for: a report
   * alone does not pay for a row per forecast.
   */
  forecasts: () => ForecastScore[];
}

/**
 * Scores of the resolved hypotheses the filters select (METHODS §6), per forecaster, as known at
 * `as_of`: the report and the per-forecast rows it was computed from, computed once for the API,
 * the review page, its charts and the CSV.
 */
export async function computeScores(
  ex: Executor,
  query: ScoresQuery,
  known?: ReadonlyMap<string, Forecaster>,
): Promise<ScoreComputation> {
  const asOf = asOfInstant(query.as_of);
  await checkFilters(ex, query, asOf);
  const directory = known ?? (await forecasterDirectory(ex));
  const selected = selectForecasters(directory, query.forecaster, 'query.forecaster');
  const reference = query.reference;
  if (!(reference in REFERENCES) && !directory.has(reference)) {
    throw invalid([{ path: 'query.reference', message: `no forecaster ${reference}` }]);
  }
  const resolved = await resolvedHypotheses(ex, {
    questionIds: query.question,
    hypothesisIds: query.hypothesis,
    tags: query.tag,
    resolvedFrom: query.resolved_from ? startOf(query.resolved_from) : undefined,
    resolvedBefore: query.resolved_to
      ? new Date(startOf(query.resolved_to).getTime() + DAY_MS)
      : undefined,
    asOf,
  });
  const scored = await scoredCases(
    ex,
    resolved.filter((r) => r.outcome !== 'annulled'),
    asOf,
    query.horizon,
  );
  const forecasters: ForecasterScores[] = [];
  for (const f of selected) {
    const scores = scored.scoresOf(f);
    const skill = skillAgainst(scores, referenceBrier(reference, scored, directory, scores));
    forecasters.push({
      forecaster: f.id,
      kind: f.kind,
      label: f.label,
      author: f.author,
      published_on: f.published_on,
      author_forecaster: f.kind === 'source' && f.author ? authorForecasterId(f.author) : null,
      ...summariseScores(scores),
      skill: { reference, ...skill },
      over_time: brierOverTime(scores),
    });
  }
  return {
    report: {
      forecasters,
      hypotheses: resolved.map((r) => ({
        hypothesis_id: r.hypothesis_id,
        title: r.hypothesis_title,
        question_id: r.question_id,
        question_title: r.question_title,
        outcome: r.outcome,
        resolved_at: r.resolved_at.toISOString(),
      })),
      filters: {
        question: query.question ?? [],
        hypothesis: query.hypothesis ?? [],
        tag: query.tag ?? [],
        forecaster: selected.map((f) => f.id),
        horizon: query.horizon,
        resolved_from: query.resolved_from ?? null,
        resolved_to: query.resolved_to ?? null,
        reference,
      },
      reference: {
        id: reference,
        label: REFERENCES[reference] ?? (directory.get(reference) as Forecaster).label,
      },
      conventions: SCORING_CONVENTIONS,
      as_of: asOf?.toISOString() ?? null,
      method: 'signpost-v1',
    },
    forecasts: () =>
      selected.flatMap((f) => scored.scoresOf(f).map((s) => forecastRow(f, s, scored))),
  };
}

function forecastRow(f: Forecaster, s: CaseScore, scored: Scored): ForecastScore {
  const h = scored.hypotheses.get(s.hypothesisId) as ResolvedHypothesisRow;
  return {
    forecaster: f.id,
    forecaster_label: f.label,
    question_id: h.question_id,
    question_title: h.question_title,
    hypothesis_id: h.hypothesis_id,
    hypothesis_title: h.hypothesis_title,
    outcome: s.outcome === 1 ? 'true' : 'false',
    resolved_at: h.resolved_at.toISOString(),
    forecast_valid_at: new Date(s.forecast.validAt).toISOString(),
    probability: s.forecast.probability,
    brier: s.brier,
    log: s.log,
    time_averaged_brier: s.timeAveragedBrier,
    brier_365: s.horizons[365]?.brier ?? null,
    brier_180: s.horizons[180]?.brier ?? null,
    brier_90: s.horizons[90]?.brier ?? null,
    brier_30: s.horizons[30]?.brier ?? null,
    calibration_bin: s.bin,
  };
}
