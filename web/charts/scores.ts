import type { ChartConfiguration, Plugin, TooltipItem } from 'chart.js';
import { wrapped } from './labels.js';

/**
 * The score table as a chart: each forecaster's Brier (METHODS §6) as a bar, best first, with n
 * and the skill against the report's reference, and the 0.25 a constant 50 % would score.
 */

export interface ScoreBar {
  name: string;
  color: string;
  brier: number;
  n: number;
  skill: number | null;
}

export interface ScoresChartData {
  bars: ScoreBar[];
  /** The skill score's reference, named in the labels. */
  reference: string;
}

const CONSTANT_BRIER = 0.25;

const describe = (b: ScoreBar, reference: string) =>
  `${b.brier.toFixed(3)} · n=${b.n}${b.skill === null ? '' : ` · skill ${b.skill.toFixed(2)} vs ${reference}`}`;

/** The figures after each bar, and the line a constant 50 % forecast would score. */
const annotations = (data: ScoresChartData): Plugin<'bar'> => ({
  id: 'scoreAnnotations',
  afterDatasetsDraw(chart) {
    const { ctx, chartArea: area, scales } = chart;
    const x = scales.x;
    if (!x) return;
    ctx.save();
    ctx.font = '11px "DejaVu Sans", sans-serif';
    ctx.textBaseline = 'middle';
    ctx.fillStyle = '#1d232b';
    for (const [j, element] of chart.getDatasetMeta(0).data.entries()) {
      const bar = data.bars[j];
      if (bar) ctx.fillText(describe(bar, data.reference), element.x + 4, element.y);
    }
    const at = x.getPixelForValue(CONSTANT_BRIER);
    ctx.strokeStyle = '#59626d';
    ctx.setLineDash([4, 4]);
    ctx.beginPath();
    ctx.moveTo(at, area.top);
    ctx.lineTo(at, area.bottom);
    ctx.stroke();
    ctx.fillStyle = '#59626d';
    ctx.textBaseline = 'bottom';
    ctx.fillText('always 50 %', at + 3, area.bottom - 2);
    ctx.restore();
  },
});

export function scoresConfig(data: ScoresChartData): ChartConfiguration<'bar', number[], string[]> {
  const most = Math.max(0.5, ...data.bars.map((b) => b.brier));
  return {
    type: 'bar',
    data: {
      labels: data.bars.map((b) => wrapped(b.name, 44)),
      datasets: [
        {
          label: 'Brier (lower is better)',
          data: data.bars.map((b) => b.brier),
          backgroundColor: data.bars.map((b) => b.color),
        },
      ],
    },
    options: {
      indexAxis: 'y',
      responsive: true,
      maintainAspectRatio: false,
      animation: false,
      layout: { padding: { right: 220 } },
      scales: {
        x: {
          type: 'linear',
          min: 0,
          max: Math.ceil(most * 10) / 10,
          title: { display: true, text: 'Brier score, 0 (perfect) to 1' },
        },
        y: { type: 'category', grid: { display: false } },
      },
      plugins: {
        legend: { display: false },
        tooltip: {
          callbacks: {
            label: (item: TooltipItem<'bar'>) =>
              describe(data.bars[item.dataIndex] as ScoreBar, data.reference),
          },
        },
      },
    },
    plugins: [annotations(data)],
  };
}
