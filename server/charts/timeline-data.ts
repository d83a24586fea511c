import { colorAt } from '../../web/charts/colors.js';
import type { ChartPoint, ChartSeries, TimelineChartData } from '../../web/charts/timeline-data.js';
import type { TimelinePoint } from '../schemas/timeline.js';

/**
 * The timeline chart's data (web/charts/timeline-data.ts) from the timeline service's points:
 * what the pages embed and what the server renders as an image.
 */

export interface ChartHypothesis {
  id: string;
  title: string;
  position: number;
}

export function pointLabel(p: TimelinePoint): string {
  const title = p.cause.title ?? p.cause.id;
  switch (p.cause.type) {
    case 'prior':
      return 'Prior';
    case 'evidence':
      return `Evidence: ${title}${p.ledger?.rating ? ` (rated ${p.ledger.rating})` : ''}`;
    case 'observation':
      return `Indicator: ${title}`;
    case 'retraction':
      return title;
    case 'resolution':
      return `Resolution: ${title}`;
    case 'judgment':
      return `Judgment: ${(p.rationale ?? '').slice(0, 120)}`;
    case 'citation':
      return `${p.forecaster ?? title}${p.rationale ? `: “${p.rationale}”` : ''}`;
  }
}

const toChartPoint = (p: TimelinePoint): ChartPoint => ({
  x: Date.parse(p.valid_at),
  // A hundredth of a percentage point is finer than any chart shows.
  y: Math.round(p.probability * 10_000) / 10_000,
  kind: p.cause.type,
  label: pointLabel(p),
});

/**
 * The chart's data: per hypothesis its model line (as thinned by the timeline service) and the
 * analysts' judgments, both carried to `end`, and the cited authors' forecasts, each point
 * labelled with its cause.
 */
export function timelineChartData(
  hypotheses: readonly ChartHypothesis[],
  timelines: ReadonlyMap<string, readonly TimelinePoint[]>,
  range: { from: number | null; to: number | null; end: number },
): TimelineChartData {
  const series: ChartSeries[] = hypotheses.flatMap((h) => {
    const points = timelines.get(h.id) ?? [];
    const of = (kind: TimelinePoint['series']) =>
      points.filter((p) => p.series === kind).map(toChartPoint);
    // A probability stands until the next one: the model's and the analysts' lines run to `end`.
    const toEnd = (points: ChartPoint[]) => {
      const last = points.at(-1);
      return last && last.x < range.end
        ? [...points, { x: range.end, y: last.y, kind: 'now' as const, label: 'Now' }]
        : points;
    };
    const base = { hypothesis_id: h.id, name: h.title, color: colorAt(h.position) };
    return [
      {
        ...base,
        series: 'model' as const,
        points: toEnd(of('model')),
      },
      {
        ...base,
        series: 'analyst' as const,
        points: toEnd(of('analyst')),
      },
      { ...base, series: 'source' as const, points: of('source') },
    ].filter((s) => s.points.length > 0);
  });
  return { series, from: range.from, to: range.to, end: range.end };
}
