import { type ChartHypothesis, pointLabel, timelineChartData } from '../charts/timeline-data.js';
import type { TimelinePoint } from '../schemas/timeline.js';
import { ChartFigure } from './chart-figure.js';
import { DataTable } from './data-table.js';
import { day, pct } from './format.js';

/** Rows of the chart's table alternative: the latest steps, newest first. */
const TABLE_ROWS = 40;

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
