import {
  BarController,
  BarElement,
  CategoryScale,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
} from 'chart.js';

/**
 * What the chart configurations draw (web/charts): lines on linear scales with points, bars on a
 * category axis. Registered by the page script and by the server's renderer alike, and nothing
 * more, so the bundle carries only these.
 */
export const CHART_COMPONENTS = [
  LineController,
  LineElement,
  PointElement,
  LinearScale,
  BarController,
  BarElement,
  CategoryScale,
] as const;
