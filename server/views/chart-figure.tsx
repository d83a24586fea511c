import type { Child } from 'hono/jsx';
import { JsonIsland } from './json-island.js';

/** The chart configurations the page's script knows (web/app.ts). */
export type ChartKind = 'timeline' | 'calibration' | 'brier-over-time' | 'probabilities';

/**
 * A chart the page's script draws from its JSON island, with a caption and, for readers who
 * cannot see the canvas, a table under a disclosure. `controls` go above the chart.
 */
export function ChartFigure({
  id,
  kind,
  data,
  label,
  caption,
  table,
  controls,
  image,
  children,
}: {
  id: string;
  kind: ChartKind;
  data: unknown;
  /** What the chart shows, for its accessible name. */
  label: string;
  caption: Child;
  /** The disclosure's summary, e.g. "The numbers as a table". */
  table: string;
  controls?: Child;
  /** The same chart rendered by the server (`?format=` chooses PNG or SVG), to download. */
  image?: string | undefined;
  children: Child;
}) {
  return (
    <figure class="timeline" aria-labelledby={`${id}-caption`}>
      {controls}
      <div class="chart-box">
        <canvas
          id={id}
          data-chart={`${id}-data`}
          data-chart-kind={kind}
          role="img"
          aria-label={`${label}. The table below the chart has its numbers.`}
        >
          <p class="no-script">The chart needs JavaScript; the table below has its numbers.</p>
        </canvas>
      </div>
      <JsonIsland id={`${id}-data`} data={data} />
      <figcaption id={`${id}-caption`} class="meta">
        {caption}
        {image ? (
          <span class="no-print">
            {' '}
            <a href={image} download>
              Download PNG
            </a>{' '}
            ·{' '}
            <a href={`${image}${image.includes('?') ? '&' : '?'}format=svg`} download>
              SVG
            </a>
          </span>
        ) : null}
      </figcaption>
      <details>
        <summary>{table}</summary>
        {children}
      </details>
    </figure>
  );
}
