import type {
  ChartConfiguration,
  ChartDataset,
  Plugin,
  ScriptableContext,
  TooltipItem,
} from 'chart.js';
import type { ChartPoint, ChartSeries, MarkerKind, TimelineChartData } from './timeline-data.js';

/**
 * The timeline chart's configuration, a pure function of the page's data, so the browser and a
 * server-side renderer draw the same chart.
 */

const MARKERS: Record<MarkerKind, { style: string; radius: number }> = {
  prior: { style: 'circle', radius: 2 },
  evidence: { style: 'circle', radius: 3.5 },
  observation: { style: 'rectRot', radius: 5 },
  retraction: { style: 'crossRot', radius: 6 },
  resolution: { style: 'rectRounded', radius: 5 },
  judgment: { style: 'rect', radius: 4.5 },
  citation: { style: 'triangle', radius: 6 },
  outcome: { style: 'star', radius: 10 },
  now: { style: 'circle', radius: 0 },
};

const SERIES_NAMES = { model: 'model', analyst: 'analyst', source: 'cited author' } as const;

const pct = (p: number) => `${(p * 100).toFixed(p < 0.1 || p > 0.9 ? 1 : 0)} %`;

/** 2018-06-30 for an epoch-milliseconds tick. */
const dayLabel = (ms: number) => new Date(ms).toISOString().slice(0, 10);

const MONTH_STEPS = [1, 3, 6, 12, 24, 60, 120];

/**
 * Axis ticks on calendar boundaries (UTC month starts, every 1, 3 or 6 months or 1, 2, 5 or 10
 * years), as many as fit `max`: a reader sees 2018, 2019… rather than arbitrary instants.
 */
export function calendarTicks(min: number, max: number, most = 8): number[] {
  const months = (max - min) / (30.44 * 86_400_000);
  const step = MONTH_STEPS.find((s) => months / s <= most) ?? (MONTH_STEPS.at(-1) as number);
  const start = new Date(min);
  let year = start.getUTCFullYear();
  let month = Math.ceil(start.getUTCMonth() / step) * step;
  if (step >= 12) {
    year =
      Math.ceil(
        (year + (start.getUTCMonth() > 0 || start.getUTCDate() > 1 ? 1 : 0)) / (step / 12),
      ) *
      (step / 12);
    month = 0;
  }
  const ticks: number[] = [];
  for (let m = month, t = Date.UTC(year, m, 1); t <= max; m += step, t = Date.UTC(year, m, 1)) {
    if (t >= min) ticks.push(t);
  }
  return ticks;
}

/** A tick's label: the year alone at a year's start, else year and month. */
export const tickLabel = (ms: number) => {
  const iso = new Date(ms).toISOString();
  return iso.slice(5, 10) === '01-01' ? iso.slice(0, 4) : iso.slice(0, 7);
};

const marker = (ctx: ScriptableContext<'line'>) =>
  MARKERS[(ctx.raw as ChartPoint | undefined)?.kind ?? 'evidence'];

function dataset(s: ChartSeries): ChartDataset<'line', ChartPoint[]> {
  const model = s.series === 'model';
  return {
    label: `${s.name} · ${SERIES_NAMES[s.series]}`,
    data: s.points,
    borderColor: s.color,
    backgroundColor: s.color,
    borderWidth: model ? 2.5 : 1.5,
    borderDash: s.series === 'analyst' ? [6, 4] : [],
    showLine: s.series !== 'source',
    stepped: 'before',
    pointStyle: (ctx: ScriptableContext<'line'>) => marker(ctx).style as 'circle',
    pointRadius: (ctx: ScriptableContext<'line'>) => marker(ctx).radius,
    pointHoverRadius: (ctx: ScriptableContext<'line'>) => marker(ctx).radius + 2,
    pointBackgroundColor: (ctx: ScriptableContext<'line'>) =>
      (ctx.raw as ChartPoint | undefined)?.kind === 'retraction' ? '#fff' : s.color,
    // Legend clicks act on a hypothesis's three series together; see onClick below.
    ...({ hypothesisId: s.hypothesis_id } as object),
  };
}

function tooltipLabel(item: TooltipItem<'line'>) {
  const point = item.raw as ChartPoint;
  return `${item.dataset.label}: ${pct(point.y)} — ${point.label}`;
}

/** The outcome: a vertical rule at the resolution time, starred at what happened. */
function outcomeDataset(outcome: NonNullable<TimelineChartData['outcome']>) {
  const at = (y: number): ChartPoint => ({
    x: outcome.x,
    y,
    kind: 'outcome',
    label: outcome.label,
  });
  return {
    label: outcome.label,
    data: outcome.y === 1 ? [at(0), at(1)] : [at(1), at(0)],
    borderColor: '#1d232b',
    backgroundColor: '#1d232b',
    borderWidth: 1.5,
    borderDash: [2, 3],
    pointStyle: 'star' as const,
    pointRadius: [0, MARKERS.outcome.radius],
    pointHoverRadius: [0, MARKERS.outcome.radius + 2],
  };
}

/** A marker's label without its kind, short enough to sit beside it. */
export function shortLabel(label: string, most = 28): string {
  const text = label
    .replace(/^(Evidence|Indicator|Resolution): /, '')
    .replace(/ \(rated \w+\)$/, '');
  return text.length > most ? `${text.slice(0, most - 1)}…` : text;
}

/** The model points that moved most (evidence, indicators, resolutions), largest first. */
export function largestMoves(series: readonly ChartSeries[], count: number) {
  const moves = series
    .filter((s) => s.series === 'model')
    .flatMap((s) =>
      s.points.flatMap((p, i) => {
        const before = s.points[i - 1];
        return before && ['evidence', 'observation', 'resolution', 'retraction'].includes(p.kind)
          ? [{ point: p, color: s.color, move: Math.abs(p.y - before.y) }]
          : [];
      }),
    )
    .sort((a, b) => b.move - a.move || a.point.x - b.point.x);
  return moves.slice(0, count).filter((m) => m.move > 0);
}

/** Short labels beside the markers of the largest moves, alternately above and below. */
const markerLabels = (data: TimelineChartData): Plugin<'line'> => ({
  id: 'markerLabels',
  afterDatasetsDraw(chart) {
    const { ctx, scales } = chart;
    const { x, y } = scales;
    if (!x || !y) return;
    ctx.save();
    ctx.font = '10px "DejaVu Sans", sans-serif';
    ctx.textAlign = 'center';
    largestMoves(data.series, data.marker_labels ?? 0)
      .sort((a, b) => a.point.x - b.point.x)
      .forEach(({ point, color }, i) => {
        const px = x.getPixelForValue(point.x);
        const py = y.getPixelForValue(point.y);
        const up = i % 2 === 0;
        ctx.fillStyle = color;
        ctx.textBaseline = up ? 'bottom' : 'top';
        ctx.fillText(shortLabel(point.label), px, py + (up ? -8 : 8));
      });
    ctx.restore();
  },
});

export function timelineConfig(data: TimelineChartData): ChartConfiguration<'line', ChartPoint[]> {
  return {
    plugins: data.marker_labels ? [markerLabels(data)] : [],
    type: 'line',
    data: {
      datasets: [
        ...data.series.map(dataset),
        ...(data.outcome ? [outcomeDataset(data.outcome)] : []),
      ],
    },
    options: {
      responsive: true,
      maintainAspectRatio: false,
      animation: false,
      parsing: false,
      normalized: true,
      interaction: { mode: 'nearest', intersect: false, axis: 'x' },
      scales: {
        x: {
          type: 'linear',
          min: data.from ?? undefined,
          max: data.to ?? data.end,
          afterBuildTicks: (axis) => {
            axis.ticks = calendarTicks(axis.min, axis.max).map((value) => ({ value }));
          },
          ticks: { callback: (value) => tickLabel(Number(value)), autoSkip: false },
          grid: { color: '#eceef1' },
        },
        y: {
          type: 'linear',
          min: 0,
          max: 1,
          ticks: { callback: (value) => `${Math.round(Number(value) * 100)} %`, stepSize: 0.1 },
          grid: { color: '#eceef1' },
        },
      },
      plugins: {
        legend: {
          position: 'bottom',
          labels: {
            usePointStyle: true,
            filter: (item, chart) => {
              const label = (chart.datasets[item.datasetIndex ?? 0] as { label?: string }).label;
              return label === data.outcome?.label || (label?.endsWith(' · model') ?? false);
            },
          },
          onClick: (_event, item, legend) => {
            const chart = legend.chart;
            const target = chart.data.datasets[item.datasetIndex ?? 0] as { hypothesisId?: string };
            const hidden = chart.isDatasetVisible(item.datasetIndex ?? 0);
            chart.data.datasets.forEach((d, i) => {
              if ((d as { hypothesisId?: string }).hypothesisId === target.hypothesisId)
                chart.setDatasetVisibility(i, !hidden);
            });
            chart.update();
          },
        },
        tooltip: {
          callbacks: {
            title: (items) => (items[0] ? dayLabel((items[0].raw as ChartPoint).x) : ''),
            label: tooltipLabel,
          },
        },
      },
    },
  };
}
