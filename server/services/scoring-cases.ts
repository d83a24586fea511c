import type { Executor } from '../db/database.js';
import { type CaseScore, type ScoringCase, scoreCase } from '../domain/forecaster-scores.js';
import { groupBy } from '../domain/group-by.js';
import { type Forecast, inValidTimeOrder } from '../domain/scoring.js';
import { forecastPoints } from '../repositories/assessments.js';
import { modelStepsBefore } from '../repositories/model.js';
import { type ResolvedHypothesisRow, scoringSets } from '../repositories/scores.js';
import type { Forecaster } from './forecasters.js';
import { priorsOf, replaysAsOf } from './model.js';
import { modelSeries } from './timeline.js';

/**
 * The cases METHODS §6 scores: each forecaster's forecast series on each resolved hypothesis,
 * read once for every forecaster of a report.
 */

/** What was scored: the hypotheses, each forecaster's cases, and how to look a case up. */
export interface Scored {
  hypotheses: Map<string, ResolvedHypothesisRow>;
  priors: Map<string, number>;
  scoresOf: (forecaster: Forecaster) => CaseScore[];
}

/** The forecasts each forecaster made on each scored hypothesis, as series to score. */
export async function scoredCases(
  ex: Executor,
  resolved: ResolvedHypothesisRow[],
  asOf: Date | undefined,
  horizon: number,
): Promise<Scored> {
  const hypotheses = new Map(resolved.map((r) => [r.hypothesis_id, r]));
  const ids = [...hypotheses.keys()];
  const questionIds = [...new Set(resolved.map((r) => r.question_id))];
  const [members, forecasts, steps] = await Promise.all([
    scoringSets(ex, questionIds, asOf),
    forecastPoints(ex, ids, asOf),
    modelStepsAsOf(ex, resolved, asOf),
  ]);
  const priors = new Map<string, number>();
  const setSizes = new Map<string, number | null>();
  const kindOf = new Map(resolved.map((r) => [r.question_id, r.question_kind]));
  for (const [questionId, set] of groupBy(members, (m) => m.question_id)) {
    const kind = kindOf.get(questionId);
    const stated = priorsOf(kind ?? 'independent', set);
    for (const m of set) priors.set(m.id, stated[m.id] as number);
    const whole = kind === 'exclusive' && set.every((m) => m.outcome !== null);
    setSizes.set(questionId, whole ? set.filter((m) => m.outcome !== 'annulled').length : null);
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
