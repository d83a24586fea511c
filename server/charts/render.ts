import { type Canvas, createCanvas, SvgExportFlag } from '@napi-rs/canvas';
import { Chart, type ChartConfiguration, Legend, type Plugin, Title } from 'chart.js';
import { CHART_COMPONENTS } from '../../web/charts/components.js';

/**
 * chart.js on the server: the configurations the pages draw (web/charts), rendered on a Skia
 * canvas to PNG (at a scale, for high-DPI slides) or SVG (text as paths, so it looks the same
 * everywhere). Same data and options give the same bytes: no animation, no clock, fixed fonts.
 */

// An image has a title and a legend; no tooltips.
Chart.register(...CHART_COMPONENTS, Legend, Title);
Chart.defaults.font.family = '"DejaVu Sans", "Liberation Sans", sans-serif';
Chart.defaults.color = '#3b434d';

export type ImageFormat = 'png' | 'svg';

export interface ImageOptions {
  format: ImageFormat;
  /** CSS pixels; a PNG has width × scale device pixels. */
  width: number;
  height: number;
  scale: number;
  title: string;
  /** Written at the bottom left: where the data comes from and as of when. */
  footer: string;
}

/** White behind everything, so a slide's background or a dark viewer does not show through. */
const background: Plugin = {
  id: 'background',
  beforeDraw(chart) {
    const { ctx } = chart;
    ctx.save();
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, chart.width, chart.height);
    ctx.restore();
  },
};

const FOOTER_HEIGHT = 22;

const footer = (text: string): Plugin => ({
  id: 'footer',
  afterDraw(chart) {
    const { ctx } = chart;
    ctx.save();
    ctx.font = '11px "DejaVu Sans", sans-serif';
    ctx.fillStyle = '#59626d';
    ctx.textAlign = 'left';
    ctx.textBaseline = 'bottom';
    ctx.fillText(text, 8, chart.height - 6);
    ctx.restore();
  },
});

function paddingOf(padding: unknown): Record<'top' | 'right' | 'bottom' | 'left', number> {
  if (typeof padding === 'number')
    return { top: padding, right: padding, bottom: padding, left: padding };
  const p = (padding ?? {}) as Partial<Record<'top' | 'right' | 'bottom' | 'left', number>>;
  return { top: p.top ?? 0, right: p.right ?? 0, bottom: p.bottom ?? 0, left: p.left ?? 0 };
}

/**
 * Skia numbers an SVG's clip paths and gradients from a process-wide counter (cl_3, cl_d…), so
 * the same chart would differ between renders; they are renumbered from 0 in each document.
 */
export function stableIds(svg: string): string {
  const ids = new Map<string, string>();
  for (const [, id] of svg.matchAll(/\bid="([^"]+)"/g)) {
    if (id && !ids.has(id)) ids.set(id, `${id.split('_')[0]}_${ids.size}`);
  }
  return svg.replace(/(\bid="|#)([^")]+)(?=[")])/g, (match, lead: string, id: string) =>
    ids.has(id) ? `${lead}${ids.get(id)}` : match,
  );
}

/** Renders a chart configuration to image bytes. */
export async function renderChart(
  config: ChartConfiguration<'line' | 'bar', unknown[], unknown>,
  options: ImageOptions,
): Promise<Uint8Array> {
  const svg = options.format === 'svg';
  const vector = svg
    ? createCanvas(options.width, options.height, SvgExportFlag.ConvertTextToPaths)
    : undefined;
  const raster = svg ? undefined : createCanvas(options.width, options.height);
  const padding = paddingOf(config.options?.layout?.padding);
  // chart.js takes any object with getContext('2d') and a size; on the server it uses no DOM.
  const chart = new Chart(
    (vector ?? raster) as never,
    {
      ...config,
      options: {
        ...config.options,
        responsive: false,
        maintainAspectRatio: false,
        animation: false,
        devicePixelRatio: svg ? 1 : options.scale,
        layout: {
          padding: { ...padding, left: padding.left + 8, bottom: padding.bottom + FOOTER_HEIGHT },
        },
        plugins: {
          ...config.options?.plugins,
          title: {
            display: options.title !== '',
            text: options.title,
            color: '#1d232b',
            font: { size: 16, weight: 'bold' },
            padding: { top: 8, bottom: 8 },
          },
          tooltip: { enabled: false },
        },
      },
      plugins: [background, ...(config.plugins ?? []), footer(options.footer)],
    } as ChartConfiguration,
  );
  try {
    return vector
      ? Buffer.from(stableIds(vector.getContent().toString()))
      : await (raster as Canvas).encode('png');
  } finally {
    chart.destroy();
  }
}
