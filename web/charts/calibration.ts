import type { ChartConfiguration, Plugin, TooltipItem } from 'chart.js';
import type { CalibrationChartData, CalibrationPoint } from './review-data.js';

/**
 * The calibration chart (METHODS §6): per forecaster, each bin's observed frequency against its
 * mean forecast, with the diagonal of perfect calibration and each bin's count beside its point.
 */

const DIAGONAL = 'Perfect calibration';
const pct = (p: number) => `${Math.round(p * 100)} %`;

/** Writes n beside each point: a bin of 2 and a bin of 200 must not look alike. */
const binCounts: Plugin<'line'> = {
  id: 'binCounts',
  afterDatasetsDraw(chart) {
    const { ctx } = chart;
    ctx.save();
    ctx.font = '11px system-ui, sans-serif';
    ctx.textBaseline = 'bottom';
    chart.data.datasets.forEach((dataset, i) => {
      if (dataset.label === DIAGONAL || !chart.isDatasetVisible(i)) return;
      ctx.fillStyle = String(dataset.borderColor ?? '#333');
      for (const [j, element] of chart.getDatasetMeta(i).data.entries()) {
        const point = dataset.data[j] as unknown as CalibrationPoint;
        ctx.fillText(`n=${point.n}`, element.x + 6, element.y - 4);
      }
    });
    ctx.restore();
  },
};

export function calibrationConfig(
  data: CalibrationChartData,
): ChartConfiguration<'line', CalibrationPoint[]> {
  return {
    type: 'line',
    data: {
      datasets: [
        {
          label: DIAGONAL,
          data: [
            { x: 0, y: 0, n: 0, bin: '' },
            { x: 1, y: 1, n: 0, bin: '' },
          ],
          borderColor: '#9aa1ab',
          borderDash: [4, 4],
          borderWidth: 1,
          pointRadius: 0,
          pointHoverRadius: 0,
        },
        ...data.series.map((s) => ({
          label: s.name,
          data: s.points,
          borderColor: s.color,
          backgroundColor: s.color,
          borderWidth: 1.5,
          // Area follows the count, so a bin of one is a small dot.
          pointRadius: s.points.map((p) => Math.min(3 + Math.sqrt(p.n) * 1.5, 12)),
        })),
      ],
    },
    options: {
      responsive: true,
      maintainAspectRatio: false,
      animation: false,
      parsing: false,
      // Room for the counts written beside points at the top and right edges.
      layout: { padding: { top: 16, right: 28 } },
      scales: {
        x: {
          type: 'linear',
          min: 0,
          max: 1,
          title: { display: true, text: 'Mean forecast in the bin' },
          ticks: { callback: (v) => pct(Number(v)), stepSize: 0.1 },
        },
        y: {
          type: 'linear',
          min: 0,
          max: 1,
          title: { display: true, text: 'Observed frequency' },
          ticks: { callback: (v) => pct(Number(v)), stepSize: 0.1 },
        },
      },
      plugins: {
        legend: { position: 'bottom', labels: { usePointStyle: true } },
        tooltip: {
          filter: (item) => item.dataset.label !== DIAGONAL,
          callbacks: {
            label: (item: TooltipItem<'line'>) => {
              const p = item.raw as CalibrationPoint;
              return `${item.dataset.label}: bin ${p.bin}, n = ${p.n}, mean forecast ${pct(p.x)}, observed ${pct(p.y)}`;
            },
          },
        },
      },
    },
    plugins: [binCounts],
  };
}
