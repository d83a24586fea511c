import { colorAt } from '../../web/charts/colors.js';
import type { ChartPoint, ChartSeries, TimelineChartData } from '../../web/charts/timeline-data.js';
import type { TimelinePoint } from '../schemas/timeline.js';
import { ChartFigure } from './chart-figure.js';
import { DataTable } from './data-table.js';
import { day, pct } from './format.js';

/** Rows of the chart's table alternative: the latest steps, newest first. */
const TABLE_ROWS = 40;

export interface ChartHypothesis {
  id: string;
  title: string;
  position: number;
}

function pointLabel(p: TimelinePoint): string {
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
function timelineChartData(
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

interface TimelineFigureProps {
  id: string;
  caption: string;
  hypotheses: readonly ChartHypothesis[];
  timelines: ReadonlyMap<string, readonly TimelinePoint[]>;
  /** The initial date range (epoch ms), or nulls for the whole history. */
  range: { from: number | null; to: number | null };
  /** The as-of time the page answers for, or null for the present. */
  asOf: string | null;
  now: number;
  /** The current query, so the range form keeps the page's other parameters. */
  keep: Record<string, string>;
  /** A resolved hypothesis's outcome, marked on the chart. */
  outcome?: { outcome: 'true' | 'false'; resolved_at: string } | undefined;
}

/**
 * The timeline chart with its date-range control, a key to its markers, and a table of the
 * latest steps for readers who cannot see the canvas.
 */
export function TimelineFigure({
  id,
  caption,
  hypotheses,
  timelines,
  range,
  asOf,
  now,
  keep,
  outcome,
}: TimelineFigureProps) {
  // The lines run to the moment the page answers for.
  const end = asOf ? Date.parse(asOf) : now;
  const data = {
    ...timelineChartData(hypotheses, timelines, { ...range, end }),
    outcome: outcome && {
      x: Date.parse(outcome.resolved_at),
      y: outcome.outcome === 'true' ? (1 as const) : (0 as const),
      label: `Resolved ${outcome.outcome}, ${day(outcome.resolved_at)}`,
    },
  };
  const titles = new Map(hypotheses.map((h) => [h.id, h.title]));
  const steps = hypotheses
    .flatMap((h) =>
      (timelines.get(h.id) ?? [])
        .filter((p) => p.series !== 'model' || p.cause.type !== 'prior')
        .map((p) => ({ ...p, hypothesis: h.id })),
    )
    .sort(
      (a, b) => b.valid_at.localeCompare(a.valid_at) || b.recorded_at.localeCompare(a.recorded_at),
    )
    .slice(0, TABLE_ROWS);
  const fromValue = data.from === null ? '' : day(new Date(data.from));
  const toValue = data.to === null ? '' : day(new Date(data.to));
  return (
    <ChartFigure
      id={id}
      kind="timeline"
      data={data}
      label={caption}
      table="The latest steps as a table"
      controls={
        <form method="get" class="toolbar" data-range-for={id} aria-label="Chart date range">
          {Object.entries(keep).map(([name, value]) => (
            <input type="hidden" name={name} value={value} />
          ))}
          <label>
            From
            <input type="date" name="chart_from" value={fromValue} />
          </label>
          <label>
            To
            <input type="date" name="chart_to" value={toValue} />
          </label>
          <button type="submit" class="secondary">
            Show range
          </button>
        </form>
      }
      caption={
        <>
          {caption}. Solid line: the model; dashed: analysts' judgments; ▲ cited authors. Markers: ●
          evidence, ◆ indicator change, ✕ retraction, ■ judgment
          {outcome ? ', ★ the outcome at its resolution date' : ''}. Click a name in the legend to
          hide or show it.
        </>
      }
    >
      <DataTable
        label="Latest steps"
        columns={[
          { label: 'Valid' },
          { label: 'Hypothesis' },
          { label: 'Series' },
          { label: 'Cause' },
          { label: 'Probability', num: true },
        ]}
      >
        {steps.map((p) => (
          <tr>
            <td>{day(p.valid_at)}</td>
            <td>{titles.get(p.hypothesis)}</td>
            <td>{p.series}</td>
            <td>{pointLabel(p)}</td>
            <td class="num">
              {p.ledger ? `${pct(p.ledger.before)} → ` : ''}
              {pct(p.probability)}
            </td>
          </tr>
        ))}
      </DataTable>
    </ChartFigure>
  );
}
