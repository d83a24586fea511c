import { mean, type Outcome01 } from './scoring.js';

/**
 * METHODS §6: calibration bins and the exact Murphy decomposition of the Brier score
 * (Stephenson, Coelho & Jolliffe 2008). Pure.
 */

export interface ScoredPair {
  probability: number;
  outcome: Outcome01;
}

/** METHODS §6: ten bins, [0, 0.1], (0.1, 0.2], …, (0.9, 1]. */
export const CALIBRATION_BINS = 10;

/**
 * The right-closed bin of a probability, decided on integer per-mille so that 0.3 (stored as
 * 0.30000000000000004) falls in (0.2, 0.3], not in the next bin.
 *
 * @example binOf(0.2, 5) // 0: [0, 0.2]
 * @example binOf(0.21, 5) // 1: (0.2, 0.4]
 */
export function binOf(probability: number, bins = CALIBRATION_BINS): number {
  const perMille = Math.round(probability * 1000);
  if (perMille <= 0) return 0;
  return Math.min(Math.floor((perMille * bins - 1) / 1000), bins - 1);
}

export interface CalibrationBin {
  bin: number;
  /** The bin's bounds: (lower, upper], the first one closed on the left. */
  lower: number;
  upper: number;
  count: number;
  /** Mean of the forecasts in the bin (not its centre); null for an empty bin. */
  mean_forecast: number | null;
  /** Share of the bin's hypotheses that resolved true; null for an empty bin. */
  observed: number | null;
}

function binned(pairs: readonly ScoredPair[], bins: number): ScoredPair[][] {
  const groups: ScoredPair[][] = Array.from({ length: bins }, () => []);
  for (const pair of pairs) groups[binOf(pair.probability, bins)]?.push(pair);
  return groups;
}

const meanForecast = (group: readonly ScoredPair[]) => mean(group.map((p) => p.probability));
const observedShare = (group: readonly ScoredPair[]) => mean(group.map((p) => p.outcome));

/**
 * The calibration table and its expected calibration error, ECE = Σ (n_k/N)·|ō_k − f̄_k|.
 *
 * @example vector S5 (five bins): counts (3, 3, 1, 1, 2), ECE 0.22
 */
export function calibrationTable(
  pairs: readonly ScoredPair[],
  bins = CALIBRATION_BINS,
): { bins: CalibrationBin[]; ece: number | null } {
  const groups = binned(pairs, bins);
  const table = groups.map((group, bin) => ({
    bin,
    lower: bin / bins,
    upper: (bin + 1) / bins,
    count: group.length,
    mean_forecast: meanForecast(group),
    observed: observedShare(group),
  }));
  const n = pairs.length;
  const ece =
    n === 0
      ? null
      : table.reduce(
          (sum, b) => sum + (b.count / n) * Math.abs((b.observed ?? 0) - (b.mean_forecast ?? 0)),
          0,
        );
  return { bins: table, ece };
}

export interface MurphyDecomposition {
  brier: number;
  reliability: number;
  resolution: number;
  uncertainty: number;
  /** Within-bin variance of the forecasts (WBV). */
  within_bin_variance: number;
  /** Within-bin covariance of forecasts and outcomes (WBC). */
  within_bin_covariance: number;
  /** brier − (REL − RES + UNC + WBV − WBC): zero but for floating-point rounding. */
  residual: number;
}

/**
 * BS = REL − RES + UNC + WBV − WBC, exact for binned forecasts: the two within-bin terms are what
 * the classic three-term form loses by replacing each forecast with its bin's mean.
 *
 * @example vector S4: BS 0.22 = REL 0.02 − RES 0.04 + UNC 0.24 (WBV = WBC = 0)
 */
export function murphyDecomposition(
  pairs: readonly ScoredPair[],
  bins = CALIBRATION_BINS,
): MurphyDecomposition | null {
  const n = pairs.length;
  if (n === 0) return null;
  const base = observedShare(pairs) as number;
  let brier = 0;
  let reliability = 0;
  let resolution = 0;
  let variance = 0;
  let covariance = 0;
  for (const group of binned(pairs, bins)) {
    if (group.length === 0) continue;
    const f = meanForecast(group) as number;
    const o = observedShare(group) as number;
    reliability += group.length * (f - o) ** 2;
    resolution += group.length * (o - base) ** 2;
    for (const pair of group) {
      brier += (pair.probability - pair.outcome) ** 2;
      variance += (pair.probability - f) ** 2;
      covariance += (pair.probability - f) * (pair.outcome - o);
    }
  }
  const result = {
    brier: brier / n,
    reliability: reliability / n,
    resolution: resolution / n,
    uncertainty: base * (1 - base),
    within_bin_variance: variance / n,
    within_bin_covariance: (2 * covariance) / n,
  };
  const sum =
    result.reliability -
    result.resolution +
    result.uncertainty +
    result.within_bin_variance -
    result.within_bin_covariance;
  return { ...result, residual: result.brier - sum };
}
