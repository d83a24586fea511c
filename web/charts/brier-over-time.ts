import type { ChartConfiguration, TooltipItem } from 'chart.js';
import type { BrierOverTimeData, BrierPoint } from './review-data.js';
import { calendarTicks, tickLabel } from './timeline.js';

/** Brier by resolution date: per forecaster, the running score as outcomes became known. */
export function brierOverTimeConfig(
  data: BrierOverTimeData,
): ChartConfiguration<'line', BrierPoint[]> {
  return {
    type: 'line',
    data: {
      datasets: data.series.map((s) => ({
        label: s.name,
        data: s.points,
        borderColor: s.color,
        backgroundColor: s.color,
        borderWidth: 2,
        stepped: 'before' as const,
        pointRadius: 3,
      })),
    },
    options: {
      responsive: true,
      maintainAspectRatio: false,
      animation: false,
      parsing: false,
      scales: {
        x: {
          type: 'linear',
          afterBuildTicks: (axis) => {
            axis.ticks = calendarTicks(axis.min, axis.max).map((value) => ({ value }));
          },
          ticks: { callback: (v) => tickLabel(Number(v)), autoSkip: false },
          title: { display: true, text: 'Resolved on' },
        },
        y: {
          type: 'linear',
          min: 0,
          suggestedMax: 0.5,
          title: { display: true, text: 'Brier, cumulative (lower is better)' },
        },
      },
      plugins: {
        legend: { position: 'bottom', labels: { usePointStyle: true } },
        tooltip: {
          callbacks: {
            title: (items) =>
              items[0] ? new Date((items[0].raw as BrierPoint).x).toISOString().slice(0, 10) : '',
            label: (item: TooltipItem<'line'>) => {
              const p = item.raw as BrierPoint;
              return `${item.dataset.label}: ${p.y.toFixed(3)} over ${p.n} (that day ${p.day_brier.toFixed(3)} over ${p.day_n})`;
            },
          },
        },
      },
    },
  };
}
