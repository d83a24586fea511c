import { CALIBRATION_BINS } from '../domain/calibration.js';
import { FIXED_HORIZONS } from '../domain/forecaster-scores.js';
import { LOG_CLAMP } from '../domain/scoring.js';

/** The convention behind each figure of a score report (METHODS §6), shown where it is shown. */
export const SCORING_CONVENTIONS: Record<string, string> = {
  scored_forecast:
    "Each forecaster's latest forecast with a valid time strictly before resolved_at (or before " +
    'resolved_at minus the horizon); forecasts at or after it never count. Annulled hypotheses ' +
    'are not scored. An analyst is scored on a hypothesis once they judged it before resolution.',
  brier:
    'Mean of (p − o)² over the scored hypotheses, o = 1 for true, 0 for false; 0–1, lower is better.',
  brier_original:
    "Brier's original form, Σ_i (p_i − o_i)² over an exclusive question's scored hypotheses, " +
    'averaged over the exclusive questions whose whole set is resolved and forecast; 0–2.',
  log: `Mean of ln p(outcome), p clamped to [${LOG_CLAMP}, ${1 - LOG_CLAMP}]; higher is better.`,
  time_averaged_brier:
    'Σ_k (p_k − o)² · Δt_k / T over [opened, resolved_at), each forecast standing until the next; ' +
    'the prior stands from the moment the hypothesis opened. A cited source is judged from its ' +
    'first forecast (its publication), not charged the prior before it spoke.',
  horizons: `The forecast standing ${FIXED_HORIZONS.join(', ')} days before resolution, where one stood.`,
  skill:
    'BSS = 1 − BS / BS_ref over the hypotheses both were scored on, against the named reference.',
  calibration: `${CALIBRATION_BINS} bins, right-closed: [0, 0.1], (0.1, 0.2], …, (0.9, 1], binned on integer per-mille; each bin's mean forecast, not its centre.`,
  ece: 'Σ (n_k / N) · |observed_k − mean forecast_k| over the bins.',
  decomposition:
    'Exact (Stephenson et al. 2008): BS = REL − RES + UNC + WBV − WBC over the calibration bins; ' +
    'residual is what floating point leaves.',
  over_time: 'Brier by the UTC day resolutions became known, per day and cumulative.',
};
