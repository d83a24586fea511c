import type { ChartConfiguration, Plugin, TooltipItem } from 'chart.js';
import { ICD_203, wordsFor } from '../../server/domain/words.js';
import { wrapped } from './labels.js';

/**
 * Current probabilities as horizontal bars, model and analysts per hypothesis, over the ICD 203
 * bands (METHODS §5) so a reader sees the words a number falls in.
 */

export interface ProbabilityBar {
  name: string;
  color: string;
  model: number;
  /** The analysts' latest judgment, or null before there is one. */
  analyst: number | null;
}

export interface ProbabilitiesChartData {
  bars: ProbabilityBar[];
}

const pct = (p: number) => `${Math.round(p * 100)} %`;

/** The bands, shaded alternately behind the bars, with their words where they fit. */
const icdBands: Plugin<'bar'> = {
  id: 'icdBands',
  beforeDatasetsDraw(chart) {
    const { ctx, chartArea: area, scales } = chart;
    const x = scales.x;
    if (!x) return;
    ctx.save();
    ctx.font = '10px "DejaVu Sans", sans-serif';
    ctx.textAlign = 'center';
    ctx.textBaseline = 'top';
    ICD_203.forEach((band, i) => {
      const left = x.getPixelForValue(band.low);
      const right = x.getPixelForValue(band.high);
      ctx.fillStyle = i % 2 === 0 ? '#f3f5f8' : '#e8ecf1';
      ctx.fillRect(left, area.top, right - left, area.bottom - area.top);
      const words = band.words[0];
      if (ctx.measureText(words).width < right - left - 4) {
        ctx.fillStyle = '#59626d';
        ctx.fillText(words, (left + right) / 2, area.top - 14);
      }
    });
    ctx.restore();
  },
};

/** Each bar's number and words at its end: the chart reads without a tooltip, and in print. */
const barValues: Plugin<'bar'> = {
  id: 'barValues',
  afterDatasetsDraw(chart) {
    const { ctx } = chart;
    ctx.save();
    ctx.font = '11px "DejaVu Sans", sans-serif';
    ctx.textBaseline = 'middle';
    ctx.fillStyle = '#1d232b';
    chart.data.datasets.forEach((dataset, i) => {
      if (!chart.isDatasetVisible(i)) return;
      for (const [j, element] of chart.getDatasetMeta(i).data.entries()) {
        const p = dataset.data[j] as number | null;
        if (p === null || Number.isNaN(p)) continue;
        ctx.fillText(`${pct(p)} ${wordsFor(p)}`, element.x + 4, element.y);
      }
    });
    ctx.restore();
  },
};

export function probabilitiesConfig(
  data: ProbabilitiesChartData,
): ChartConfiguration<'bar', (number | null)[], string[]> {
  return {
    type: 'bar',
    data: {
      labels: data.bars.map((b) => wrapped(b.name)),
      datasets: [
        {
          label: 'Model',
          data: data.bars.map((b) => b.model),
          backgroundColor: data.bars.map((b) => b.color),
          borderColor: data.bars.map((b) => b.color),
          borderWidth: 1,
        },
        {
          label: 'Analysts',
          data: data.bars.map((b) => b.analyst),
          // The same hue, lighter: a hypothesis keeps its colour, the series its weight.
          backgroundColor: data.bars.map((b) => `${b.color}55`),
          borderColor: data.bars.map((b) => b.color),
          borderWidth: 1.5,
        },
      ],
    },
    options: {
      indexAxis: 'y',
      responsive: true,
      maintainAspectRatio: false,
      animation: false,
      // Room at the right for the value written after a bar near 100 %.
      layout: { padding: { right: 120, top: 16 } },
      scales: {
        x: {
          type: 'linear',
          min: 0,
          max: 1,
          ticks: { callback: (v) => pct(Number(v)), stepSize: 0.1 },
          grid: { color: '#d5dae0' },
        },
        y: { type: 'category', grid: { display: false } },
      },
      plugins: {
        legend: { position: 'bottom' },
        tooltip: {
          callbacks: {
            label: (item: TooltipItem<'bar'>) => {
              const p = item.parsed.x ?? 0;
              return `${item.dataset.label}: ${pct(p)} (${wordsFor(p)})`;
            },
          },
        },
      },
    },
    plugins: [icdBands, barValues],
  };
}
