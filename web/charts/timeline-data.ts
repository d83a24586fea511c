/**
 * What a page embeds for its timeline chart (a JSON island), and what the chart configuration
 * reads. Times are epoch milliseconds; probabilities are numbers in (0, 1).
 */
export type MarkerKind =
  | 'prior'
  | 'evidence'
  | 'observation'
  | 'retraction'
  | 'resolution'
  | 'judgment'
  | 'citation'
  | 'outcome'
  | 'now';

export interface ChartPoint {
  x: number;
  y: number;
  kind: MarkerKind;
  /** What the point was, for its tooltip: "Evidence: title (B2, C)". */
  label: string;
}

export interface ChartSeries {
  hypothesis_id: string;
  name: string;
  color: string;
  series: 'model' | 'analyst' | 'source';
  points: ChartPoint[];
}

export interface TimelineChartData {
  series: ChartSeries[];
  /** The initial date range, or null for the whole history. */
  from: number | null;
  to: number | null;
  /** The instant the model line is drawn to: now, or the as-of time. */
  end: number;
  /** A resolved hypothesis's outcome, marked at its resolution time (post-mortems). */
  outcome?: { x: number; y: 0 | 1; label: string } | undefined;
  /**
   * How many of the model's largest moves get a short label written beside their marker: an
   * image has no tooltips. None on pages.
   */
  marker_labels?: number | undefined;
}
