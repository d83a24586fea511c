import type { Step } from '../domain/series.js';

/**
 * An SVG path drawing a step series (each value holds until the next) in a `width` × `height`
 * box, time across, probability 0–1 up.
 *
 * @example sparklinePath([{x:0,y:0},{x:10,y:1}], 100, 20) === 'M0.0 20.0H100.0V0.0'
 */
export function sparklinePath(series: readonly Step[], width: number, height: number): string {
  const first = series[0];
  if (!first) return '';
  const span = (series.at(-1) as Step).x - first.x || 1;
  const x = (t: number) => (((t - first.x) / span) * width).toFixed(1);
  const y = (p: number) => ((1 - p) * height).toFixed(1);
  let path = `M${x(first.x)} ${y(first.y)}`;
  for (const p of series.slice(1)) path += `H${x(p.x)}V${y(p.y)}`;
  return path;
}

/** A small step chart of a model series, with its meaning in the accessible name. */
export function Sparkline({
  series,
  color,
  label,
}: {
  series: readonly Step[];
  color: string;
  label: string;
}) {
  const width = 120;
  const height = 28;
  return (
    <svg
      class="sparkline"
      width={width}
      height={height}
      viewBox={`0 0 ${width} ${height}`}
      role="img"
      aria-label={label}
    >
      <line
        x1="0"
        x2={width}
        y1={height / 2}
        y2={height / 2}
        stroke="#d5d9e0"
        stroke-dasharray="2 3"
      />
      <path
        d={sparklinePath(series, width, height)}
        fill="none"
        stroke={color}
        stroke-width="1.75"
      />
    </svg>
  );
}
