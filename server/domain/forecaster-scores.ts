import {
  binOf,
  type CalibrationBin,
  calibrationTable,
  type MurphyDecomposition,
  murphyDecomposition,
} from './calibration.js';
import { groupBy } from './group-by.js';
import {
  brierScore,
  brierSkill,
  type Forecast,
  forecastBefore,
  logScore,
  mean,
  type Outcome01,
  originalBrier,
  timeAveragedBrier,
} from './scoring.js';

/** METHODS §6: one forecaster's record over resolved hypotheses, from its forecast series. */

/** The fixed horizons, in days before resolution. */
export const FIXED_HORIZONS = [365, 180, 90, 30] as const;
export type FixedHorizon = (typeof FIXED_HORIZONS)[number];

const DAY_MS = 86_400_000;

/** One resolved hypothesis as one forecaster saw it. */
export interface ScoringCase {
  hypothesisId: string;
  questionId: string;
  outcome: Outcome01;
  resolvedAt: number;
  /** Where the time-averaged window starts (when the hypothesis opened, for most forecasters). */
  windowStart: number;
  /** The forecaster's forecasts in valid-time order, the prior first where it counts. */
  series: readonly Forecast[];
  /**
   * For a hypothesis of an exclusive question whose whole set is resolved: how many of the set's
   * hypotheses are scored (annulled ones are not), for Brier's original form. Null otherwise.
   */
  setSize: number | null;
}

export interface HorizonForecast extends Forecast {
  brier: number;
}

export interface CaseScore {
  hypothesisId: string;
  questionId: string;
  outcome: Outcome01;
  resolvedAt: number;
  /** The scored forecast: standing just before resolution, or `horizon` days before it. */
  forecast: Forecast;
  brier: number;
  log: number;
  timeAveragedBrier: number | null;
  horizons: Record<FixedHorizon, HorizonForecast | null>;
  /** The calibration bin the scored forecast falls in. */
  bin: number;
  setSize: number | null;
}

/** The forecast standing just before `days` ahead of resolution; none before the window opens. */
function standingBefore(c: ScoringCase, days: number): HorizonForecast | null {
  const time = c.resolvedAt - days * DAY_MS;
  if (time <= c.windowStart) return null;
  const f = forecastBefore(c.series, time);
  return f
    ? {
        probability: f.probability,
        validAt: f.validAt,
        brier: brierScore(f.probability, c.outcome),
      }
    : null;
}

/**
 * Scores one case: the forecast standing just before `horizon` days ahead of resolution (0 = the
 * latest before it). Undefined when the forecaster had said nothing by then.
 */
export function scoreCase(c: ScoringCase, horizon = 0): CaseScore | undefined {
  const scored = standingBefore(c, horizon);
  if (!scored) return undefined;
  const forecast = { probability: scored.probability, validAt: scored.validAt };
  const brier = scored.brier;
  return {
    hypothesisId: c.hypothesisId,
    questionId: c.questionId,
    outcome: c.outcome,
    resolvedAt: c.resolvedAt,
    forecast,
    brier,
    log: logScore(forecast.probability, c.outcome),
    timeAveragedBrier: timeAveragedBrier(c.series, c.windowStart, c.resolvedAt, c.outcome),
    horizons: {
      365: standingBefore(c, 365),
      180: standingBefore(c, 180),
      90: standingBefore(c, 90),
      30: standingBefore(c, 30),
    },
    bin: binOf(forecast.probability),
    setSize: c.setSize,
  };
}

export interface ScoreSummary {
  n: number;
  brier: number | null;
  /** Brier's original form over exclusive questions whose whole set this forecaster scored. */
  brier_original: { value: number; questions: number } | null;
  log: number | null;
  time_averaged_brier: number | null;
  horizons: { days: FixedHorizon; n: number; brier: number | null }[];
  calibration: CalibrationBin[];
  ece: number | null;
  decomposition: MurphyDecomposition | null;
}

function originalForm(scores: readonly CaseScore[]): ScoreSummary['brier_original'] {
  const inSets = scores.filter((s) => s.setSize !== null);
  const sets = [...groupBy(inSets, (s) => s.questionId).values()]
    .filter((set) => set.length === set[0]?.setSize)
    .map((set) => set.map((s) => ({ probability: s.forecast.probability, outcome: s.outcome })));
  const value = originalBrier(sets);
  return value === null ? null : { value, questions: sets.length };
}

/** Every aggregate of METHODS §6 over one forecaster's scored cases. */
export function summariseScores(scores: readonly CaseScore[]): ScoreSummary {
  const pairs = scores.map((s) => ({ probability: s.forecast.probability, outcome: s.outcome }));
  const { bins, ece } = calibrationTable(pairs);
  return {
    n: scores.length,
    brier: mean(scores.map((s) => s.brier)),
    brier_original: originalForm(scores),
    log: mean(scores.map((s) => s.log)),
    time_averaged_brier: mean(
      scores.flatMap((s) => (s.timeAveragedBrier === null ? [] : [s.timeAveragedBrier])),
    ),
    horizons: FIXED_HORIZONS.map((days) => {
      const standing = scores.flatMap((s) => s.horizons[days] ?? []);
      return { days, n: standing.length, brier: mean(standing.map((f) => f.brier)) };
    }),
    calibration: bins,
    ece,
    decomposition: murphyDecomposition(pairs),
  };
}

export interface Skill {
  /** Cases both the forecaster and the reference scored. */
  n: number;
  brier: number | null;
  reference_brier: number | null;
  value: number | null;
}

/**
 * Brier skill against a reference, over the cases the reference also scores (matched, so a
 * forecaster is never compared on hypotheses the reference did not face).
 */
export function skillAgainst(
  scores: readonly CaseScore[],
  referenceBrierOf: (score: CaseScore) => number | undefined,
): Skill {
  const matched = scores.flatMap((s) => {
    const reference = referenceBrierOf(s);
    return reference === undefined ? [] : [{ brier: s.brier, reference }];
  });
  const brier = mean(matched.map((m) => m.brier));
  const reference = mean(matched.map((m) => m.reference));
  return {
    n: matched.length,
    brier,
    reference_brier: reference,
    value: brier === null || reference === null ? null : brierSkill(brier, reference),
  };
}

export interface BrierOverTime {
  /** The UTC day resolutions became known. */
  day: string;
  n: number;
  brier: number;
  /** Over every case resolved by the end of that day. */
  cumulative_n: number;
  cumulative_brier: number;
}

/** Brier by resolution date, per day and running, for the Brier-over-time chart. */
export function brierOverTime(scores: readonly CaseScore[]): BrierOverTime[] {
  const byDay = groupBy(
    [...scores].sort((a, b) => a.resolvedAt - b.resolvedAt),
    (s) => new Date(s.resolvedAt).toISOString().slice(0, 10),
  );
  let total = 0;
  let count = 0;
  return [...byDay].map(([day, cases]) => {
    const briers = cases.map((s) => s.brier);
    total += briers.reduce((a, b) => a + b, 0);
    count += briers.length;
    return {
      day,
      n: briers.length,
      brier: mean(briers) as number,
      cumulative_n: count,
      cumulative_brier: total / count,
    };
  });
}
