import { Chart, Legend, Tooltip } from 'chart.js';
import { wordsFor } from '../server/domain/words.js';
import { brierOverTimeConfig } from './charts/brier-over-time.js';
import { calibrationConfig } from './charts/calibration.js';
import { CHART_COMPONENTS } from './charts/components.js';
import { type ProbabilitiesChartData, probabilitiesConfig } from './charts/probabilities.js';
import type { BrierOverTimeData, CalibrationChartData } from './charts/review-data.js';
import { timelineConfig } from './charts/timeline.js';
import type { TimelineChartData } from './charts/timeline-data.js';

// The charts' parts, and on a page tooltips and a clickable legend.
Chart.register(...CHART_COMPONENTS, Tooltip, Legend);

function island<T>(id: string): T | undefined {
  const element = document.getElementById(id);
  return element?.textContent ? (JSON.parse(element.textContent) as T) : undefined;
}

const dayStart = (value: string) => (value ? Date.parse(`${value}T00:00:00Z`) : undefined);
const dayEnd = (value: string) => (value ? Date.parse(`${value}T23:59:59.999Z`) : undefined);

/** The configuration of each kind of chart a page can carry, from its JSON island. */
const CONFIGS = {
  timeline: (data: unknown) => timelineConfig(data as TimelineChartData),
  calibration: (data: unknown) => calibrationConfig(data as CalibrationChartData),
  'brier-over-time': (data: unknown) => brierOverTimeConfig(data as BrierOverTimeData),
  probabilities: (data: unknown) => probabilitiesConfig(data as ProbabilitiesChartData),
} as const;

/** Draws each chart of the page; a timeline's date-range form moves its axis without a reload. */
function drawCharts() {
  for (const canvas of document.querySelectorAll<HTMLCanvasElement>('canvas[data-chart]')) {
    const data = island<unknown>(canvas.dataset.chart ?? '');
    const kind = String(canvas.dataset.chartKind) as keyof typeof CONFIGS;
    if (!data || !(kind in CONFIGS)) continue;
    // chart.js types a chart by its configuration's kind; the canvas takes any of them.
    const chart = new Chart(canvas, CONFIGS[kind](data) as ReturnType<typeof timelineConfig>);
    // The instance stays reachable from its canvas, for the page's tests and for tools.
    Object.assign(canvas, { chart });
    canvas.closest('figure')?.setAttribute('data-chart-ready', String(chart.data.datasets.length));
    if (kind === 'timeline') followRange(canvas, chart, data as TimelineChartData);
  }
}

function followRange(canvas: HTMLCanvasElement, chart: Chart, data: TimelineChartData) {
  const form = document.querySelector<HTMLFormElement>(`form[data-range-for="${canvas.id}"]`);
  form?.addEventListener('submit', (event) => {
    event.preventDefault();
    const fields = new FormData(form);
    const x = chart.options.scales?.x;
    if (!x) return;
    x.min = dayStart(String(fields.get('chart_from') ?? ''));
    x.max = dayEnd(String(fields.get('chart_to') ?? '')) ?? data.end;
    chart.update();
    const url = new URL(window.location.href);
    for (const name of ['chart_from', 'chart_to']) {
      const value = String(fields.get(name) ?? '');
      if (value) url.searchParams.set(name, value);
      else url.searchParams.delete(name);
    }
    window.history.replaceState(null, '', url);
  });
}

/** Probability inputs (in percent) show their ICD 203 words as they change, with a slider. */
function liveProbabilities() {
  for (const input of document.querySelectorAll<HTMLInputElement>('input[data-probability]')) {
    const box = input.closest('.probability-input');
    const output = box?.querySelector('output');
    const slider = box?.querySelector<HTMLInputElement>('input[type="range"]');
    const show = () => {
      const value = Number(input.value);
      if (output)
        output.textContent =
          input.value !== '' && value > 0 && value < 100 ? wordsFor(value / 100) : '';
      if (slider && input.value !== '') slider.value = input.value;
    };
    if (slider) {
      slider.hidden = false;
      slider.addEventListener('input', () => {
        input.value = slider.value;
        show();
        input.dispatchEvent(new Event('change', { bubbles: true }));
      });
    }
    input.addEventListener('input', show);
    show();
  }
  for (const sum of document.querySelectorAll<HTMLOutputElement>('output[data-sum-of]')) {
    const form = sum.closest('form');
    const inputs = form?.querySelectorAll<HTMLInputElement>(`input[name^="${sum.dataset.sumOf}"]`);
    const update = () => {
      const total = [...(inputs ?? [])].reduce((s, i) => s + (Number(i.value) || 0), 0);
      sum.textContent = `${Math.round(total * 10) / 10} %`;
    };
    form?.addEventListener('input', update);
    form?.addEventListener('change', update);
    update();
  }
}

/** Links marked data-print print the page (no inline handlers: the CSP allows none). */
function printLinks() {
  for (const link of document.querySelectorAll<HTMLElement>('[data-print]')) {
    link.addEventListener('click', (event) => {
      event.preventDefault();
      window.print();
    });
  }
}

drawCharts();
liveProbabilities();
printLinks();
