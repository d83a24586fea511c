/**
 * METHODS §6: proper scores of forecasts on resolved hypotheses. Pure: the services gather the
 * forecasts and outcomes, these functions turn them into numbers.
 */

/** 1 for a hypothesis resolved true, 0 for false (annulled ones are never scored). */
export type Outcome01 = 0 | 1;

/** One forecast in a series: a probability standing from its valid time (ms since epoch). */
export interface Forecast {
  probability: number;
  validAt: number;
}

/** The log score's clamp (METHODS §6), so a confident miss costs ln 0.001, not −∞. */
export const LOG_CLAMP = 0.001;

/** Brier (0–1) of one forecast: (p − o)². */
export function brierScore(probability: number, outcome: Outcome01): number {
  return (probability - outcome) ** 2;
}

/**
 * ln p(outcome), p clamped to [0.001, 0.999]; higher is better.
 *
 * @example logScore(0.9, 1) // ln 0.9 ≈ −0.105
 */
export function logScore(probability: number, outcome: Outcome01): number {
  const p = Math.min(Math.max(probability, LOG_CLAMP), 1 - LOG_CLAMP);
  return Math.log(outcome === 1 ? p : 1 - p);
}

export function mean(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  return values.reduce((a, b) => a + b, 0) / values.length;
}

/**
 * Brier's original form, averaged over questions: Σ_i (p_i − o_i)² over each question's
 * hypotheses (0–2). A yes/no forecast is the two-hypothesis set {p, 1 − p}.
 */
export function originalBrier(sets: readonly { probability: number; outcome: Outcome01 }[][]) {
  return mean(sets.map((set) => set.reduce((s, f) => s + brierScore(f.probability, f.outcome), 0)));
}

/** A series in valid-time order; forecasts with the same valid time keep their given order. */
export function inValidTimeOrder(series: readonly Forecast[]): Forecast[] {
  return series
    .map((f, i) => ({ f, i }))
    .sort((a, b) => a.f.validAt - b.f.validAt || a.i - b.i)
    .map(({ f }) => f);
}

/**
 * The forecast standing just before `time`: the latest with valid time strictly before it, so a
 * forecast made at the moment of resolution never counts. `series` is in valid-time order.
 */
export function forecastBefore(series: readonly Forecast[], time: number): Forecast | undefined {
  let standing: Forecast | undefined;
  for (const f of series) {
    if (f.validAt >= time) break;
    standing = f;
  }
  return standing;
}

/**
 * Time-averaged Brier over [start, end): each forecast stands from its valid time until the next,
 * Σ_k (p_k − o)² · Δt_k / T. `series` is in valid-time order. Time before the first forecast is
 * not covered, so callers put the forecast standing at `start` (the prior) first. Null when no
 * forecast covers any of the window.
 *
 * @example vector S6: 0.6 from day 1, 0.8 from day 4, 0.9 from day 8, true, days 1–10 → 0.067
 */
export function timeAveragedBrier(
  series: readonly Forecast[],
  start: number,
  end: number,
  outcome: Outcome01,
): number | null {
  let sum = 0;
  let span = 0;
  for (const [k, f] of series.entries()) {
    const from = Math.max(f.validAt, start);
    const until = Math.min(series[k + 1]?.validAt ?? end, end);
    if (until <= from) continue;
    sum += brierScore(f.probability, outcome) * (until - from);
    span += until - from;
  }
  return span === 0 ? null : sum / span;
}

/**
 * Brier skill score against a reference: 1 − BS / BS_ref. Null when the reference is perfect
 * (BS_ref = 0), where skill is undefined.
 */
export function brierSkill(brier: number, referenceBrier: number): number | null {
  return referenceBrier === 0 ? null : 1 - brier / referenceBrier;
}
