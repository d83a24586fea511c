import { colorAt } from '../../web/charts/colors.js';
import type { BrierOverTimeData, CalibrationChartData } from '../../web/charts/review-data.js';
import type { ScoresChartData } from '../../web/charts/scores.js';
import type { ForecasterScores, ScoreReport } from '../schemas/scores.js';

/**
 * The review charts' data from a score report: what the review page embeds and what the server
 * renders as images, so both show the API's numbers. Forecasters keep one colour on all of them.
 */

const scored = (forecasters: readonly ForecasterScores[]) => forecasters.filter((f) => f.n > 0);

export const binName = (b: { bin: number; lower: number; upper: number }) =>
  `${b.bin === 0 ? '[' : '('}${b.lower.toFixed(1)}, ${b.upper.toFixed(1)}]`;

export function calibrationChartData(
  forecasters: readonly ForecasterScores[],
): CalibrationChartData {
  return {
    series: scored(forecasters).map((f, i) => ({
      name: f.label,
      color: colorAt(i),
      points: f.calibration.flatMap((b) =>
        b.count > 0
          ? [{ x: b.mean_forecast as number, y: b.observed as number, n: b.count, bin: binName(b) }]
          : [],
      ),
    })),
  };
}

export function brierOverTimeData(forecasters: readonly ForecasterScores[]): BrierOverTimeData {
  return {
    series: scored(forecasters).map((f, i) => ({
      name: f.label,
      color: colorAt(i),
      points: f.over_time.map((d) => ({
        x: Date.parse(`${d.day}T00:00:00Z`),
        y: d.cumulative_brier,
        n: d.cumulative_n,
        day_n: d.n,
        day_brier: d.brier,
      })),
    })),
  };
}

/** The score table as bars, best (lowest) Brier first. */
export function scoresChartData(report: ScoreReport): ScoresChartData {
  return {
    bars: scored(report.forecasters)
      .map((f, i) => ({
        name: f.label,
        color: colorAt(i),
        brier: f.brier as number,
        n: f.n,
        skill: f.skill.value,
      }))
      .sort((a, b) => a.brier - b.brier),
    reference: report.reference.label,
  };
}
