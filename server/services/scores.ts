import type { Executor } from '../db/database.js';
import {
  brierOverTime,
  type CaseScore,
  type ScoringCase,
  scoreCase,
  skillAgainst,
  summariseScores,
} from '../domain/forecaster-scores.js';
import { groupBy } from '../domain/group-by.js';
import { brierScore, type Forecast, inValidTimeOrder, mean } from '../domain/scoring.js';
import { type FieldProblem, invalid } from '../errors.js';
import { forecastsOfHypotheses } from '../repositories/assessments.js';
import { findHypotheses } from '../repositories/hypotheses.js';
import { modelStepsBefore } from '../repositories/model.js';
import { listMembers } from '../repositories/question-members.js';
import { allTags, findQuestions } from '../repositories/questions.js';
import { currentResolutions } from '../repositories/resolutions.js';
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
import { priorsOf, replaysAsOf } from './model.js';
import { SCORING_CONVENTIONS } from './scoring-conventions.js';
import { modelSeries } from './timeline.js';

const DAY_MS = 86_400_000;

/** What was scored: the hypotheses, each forecaster's cases, and how to look a case up. */
interface Scored {
  hypotheses: Map<string, ResolvedHypothesisRow>;
  priors: Map<string, number>;
  scoresOf: (forecaster: Forecaster) => CaseScore[];
}

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

/** The forecasts each forecaster made on each scored hypothesis, as series to score. */
async function scoredCases(
  ex: Executor,
  resolved: ResolvedHypothesisRow[],
  asOf: Date | undefined,
  horizon: number,
): Promise<Scored> {
  const hypotheses = new Map(resolved.map((r) => [r.hypothesis_id, r]));
  const ids = [...hypotheses.keys()];
  const questionIds = [...new Set(resolved.map((r) => r.question_id))];
  const members = await listMembers(ex, 'hypotheses', questionIds, asOf);
  const [standing, forecasts, steps] = await Promise.all([
    currentResolutions(
      ex,
      members.map((m) => m.id),
      asOf,
    ),
    forecastsOfHypotheses(ex, ids, asOf),
    modelStepsAsOf(ex, resolved, asOf),
  ]);
  const outcomeOf = new Map(standing.map((r) => [r.hypothesis_id, r.outcome]));
  const priors = new Map<string, number>();
  const setSizes = new Map<string, number | null>();
  const kindOf = new Map(resolved.map((r) => [r.question_id, r.question_kind]));
  for (const [questionId, set] of groupBy(members, (m) => m.question_id)) {
    const kind = kindOf.get(questionId);
    const stated = priorsOf(kind ?? 'independent', set);
    for (const m of set) priors.set(m.id, stated[m.id] as number);
    const whole = kind === 'exclusive' && set.every((m) => outcomeOf.has(m.id));
    setSizes.set(
      questionId,
      whole ? set.filter((m) => outcomeOf.get(m.id) !== 'annulled').length : null,
    );
  }
  const forecastsOf = groupBy(forecasts, (f) => f.hypothesis_id);
  const stepsOf = groupBy(steps, (s) => s.hypothesisId);

  function caseOf(r: ResolvedHypothesisRow, series: Forecast[], windowStart: number): ScoringCase {
    return {
      hypothesisId: r.hypothesis_id,
      questionId: r.question_id,
      outcome: r.outcome === 'true' ? 1 : 0,
      resolvedAt: r.resolved_at.getTime(),
      windowStart,
      series: inValidTimeOrder(series),
      setSize: setSizes.get(r.question_id) ?? null,
    };
  }

  /**
   * A series that starts from the prior: first, even when an item dated before the hypothesis
   * opened moved it (what stands at the opening is then that step).
   */
  function fromPrior(r: ResolvedHypothesisRow, moves: Forecast[]): Forecast[] {
    const validAt = moves.reduce((min, m) => Math.min(min, m.validAt), r.opened_at.getTime());
    return [{ probability: priors.get(r.hypothesis_id) as number, validAt }, ...moves];
  }

  /** A forecaster's series on one hypothesis, or none if it said nothing before resolution. */
  function caseFor(f: Forecaster, r: ResolvedHypothesisRow): ScoringCase | undefined {
    const opened = r.opened_at.getTime();
    if (f.kind === 'model') {
      const moves = (stepsOf.get(r.hypothesis_id) ?? []).map((s) => s.forecast);
      return caseOf(r, fromPrior(r, moves), opened);
    }
    const own = (forecastsOf.get(r.hypothesis_id) ?? [])
      .filter((x) =>
        f.kind === 'analyst'
          ? x.forecaster_kind === 'analyst' && x.analyst_id === f.analystId
          : x.forecaster_kind === 'source' && f.sourceIds?.has(x.source_id as string),
      )
      .map((x) => ({ probability: x.probability, validAt: x.valid_at.getTime() }));
    const resolvedAt = r.resolved_at.getTime();
    if (!own.some((x) => x.validAt < resolvedAt)) return undefined;
    // An analyst's record starts from the prior, the team's position when the hypothesis opened
    // (METHODS §6). A cited source is judged from the day it spoke: charging it the prior for
    // the time before publication would score words it never wrote.
    if (f.kind === 'analyst') return caseOf(r, fromPrior(r, own), opened);
    return caseOf(r, own, Math.min(...own.map((x) => x.validAt)));
  }

  const memo = new Map<string, CaseScore[]>();
  return {
    hypotheses,
    priors,
    scoresOf: (f) => {
      let scores = memo.get(f.id);
      if (!scores) {
        scores = resolved.flatMap((r) => {
          const c = caseFor(f, r);
          return (c && scoreCase(c, horizon)) ?? [];
        });
        memo.set(f.id, scores);
      }
      return scores;
    },
  };
}

/** The model's steps on the resolved hypotheses: the stored ledger, or a replay for the past. */
async function modelStepsAsOf(
  ex: Executor,
  resolved: ResolvedHypothesisRow[],
  asOf: Date | undefined,
): Promise<{ hypothesisId: string; forecast: Forecast }[]> {
  if (asOf === undefined) {
    const rows = await modelStepsBefore(
      ex,
      resolved.map((r) => ({ hypothesisId: r.hypothesis_id, before: r.resolved_at })),
    );
    return rows.map((s) => ({
      hypothesisId: s.hypothesis_id,
      forecast: { probability: s.p_after, validAt: s.valid_at.getTime() },
    }));
  }
  const replays = replaysAsOf(ex, asOf);
  const questions = groupBy(resolved, (r) => r.question_id);
  const series = await Promise.all(
    [...questions.values()].map((rows) => {
      const question = {
        id: rows[0]?.question_id as string,
        kind: rows[0]?.question_kind ?? 'independent',
      };
      return modelSeries(
        ex,
        question,
        rows.map((r) => r.hypothesis_id),
        asOf,
        { replays },
      );
    }),
  );
  return series.flatMap(({ points }) =>
    points.map((p) => ({
      hypothesisId: p.hypothesisId,
      forecast: { probability: p.line.after, validAt: p.validAt.getTime() },
    })),
  );
}

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
  /** The per-forecast scores behind every figure of the report. */
  forecasts: ForecastScore[];
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
  const forecasts: ForecastScore[] = [];
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
    forecasts.push(...scores.map((s) => forecastRow(f, s, scored)));
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
    forecasts,
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
