/**
 * What the review page embeds for its charts (JSON islands), and what their configurations
 * read. Both are drawn from the score report the API returns, so the numbers are the same.
 */

export interface CalibrationPoint {
  /** The bin's mean forecast (not its centre). */
  x: number;
  /** The share of the bin's hypotheses that resolved true. */
  y: number;
  /** How many forecasts fell in the bin. */
  n: number;
  /** The bin's bounds, "(0.1, 0.2]". */
  bin: string;
}

export interface CalibrationChartData {
  series: { name: string; color: string; points: CalibrationPoint[] }[];
}

export interface BrierPoint {
  /** Epoch ms of the UTC day resolutions became known. */
  x: number;
  /** Brier over every case resolved by the end of that day. */
  y: number;
  n: number;
  /** That day's own cases. */
  day_n: number;
  day_brier: number;
}

export interface BrierOverTimeData {
  series: { name: string; color: string; points: BrierPoint[] }[];
}
