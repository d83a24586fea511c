import { colorAt } from '../../../web/charts/colors.js';
import type { BrierOverTimeData, CalibrationChartData } from '../../../web/charts/review-data.js';
import type { ForecasterScores } from '../../schemas/scores.js';
import { DataTable } from '../data-table.js';
import { pct, score } from '../format.js';
import { JsonIsland } from '../json-island.js';

const binName = (b: { bin: number; lower: number; upper: number }) =>
  `${b.bin === 0 ? '[' : '('}${b.lower.toFixed(1)}, ${b.upper.toFixed(1)}]`;

/** A chart drawn by the page's script from its JSON island, with its table alternative. */
function ChartFigure({
  id,
  kind,
  data,
  caption,
  children,
}: {
  id: string;
  kind: 'calibration' | 'brier-over-time';
  data: unknown;
  caption: string;
  children: unknown;
}) {
  return (
    <figure class="timeline" aria-labelledby={`${id}-caption`}>
      <div class="chart-box">
        <canvas
          id={id}
          data-chart={`${id}-data`}
          data-chart-kind={kind}
          role="img"
          aria-label={`${caption}. The table below has the same numbers.`}
        >
          <p class="no-script">The chart needs JavaScript; the table below has its numbers.</p>
        </canvas>
      </div>
      <JsonIsland id={`${id}-data`} data={data} />
      <figcaption id={`${id}-caption`} class="meta">
        {caption}
      </figcaption>
      <details>
        <summary>The numbers as a table</summary>
        {children}
      </details>
    </figure>
  );
}

/** Observed frequency against mean forecast per bin, with the diagonal and each bin's count. */
export function CalibrationFigure({ forecasters }: { forecasters: readonly ForecasterScores[] }) {
  const shown = forecasters.filter((f) => f.n > 0);
  const data: CalibrationChartData = {
    series: shown.map((f, i) => ({
      name: f.label,
      color: colorAt(i),
      points: f.calibration.flatMap((b) =>
        b.count > 0
          ? [{ x: b.mean_forecast as number, y: b.observed as number, n: b.count, bin: binName(b) }]
          : [],
      ),
    })),
  };
  return (
    <ChartFigure
      id="calibration-chart"
      kind="calibration"
      data={data}
      caption="Calibration: each bin's observed frequency against its mean forecast; on the dashed diagonal, forecasts came true as often as they said. n is the bin's count."
    >
      <DataTable
        label="Calibration bins"
        columns={[
          { label: 'Forecaster' },
          { label: 'Bin' },
          { label: 'n', num: true },
          { label: 'Mean forecast', num: true },
          { label: 'Observed', num: true },
        ]}
      >
        {shown.flatMap((f) =>
          f.calibration
            .filter((b) => b.count > 0)
            .map((b) => (
              <tr>
                <td>{f.label}</td>
                <td>{binName(b)}</td>
                <td class="num">{b.count}</td>
                <td class="num">{pct(b.mean_forecast as number)}</td>
                <td class="num">{pct(b.observed as number)}</td>
              </tr>
            )),
        )}
      </DataTable>
    </ChartFigure>
  );
}

/** The running Brier by the day outcomes became known. */
export function BrierOverTimeFigure({ forecasters }: { forecasters: readonly ForecasterScores[] }) {
  const shown = forecasters.filter((f) => f.n > 0);
  const data: BrierOverTimeData = {
    series: shown.map((f, i) => ({
      name: f.label,
      color: colorAt(i),
      points: f.over_time.map((d) => ({
        x: Date.parse(`${d.day}T00:00:00Z`),
        y: d.cumulative_brier,
        n: d.cumulative_n,
        day_n: d.n,
        day_brier: d.brier,
      })),
    })),
  };
  return (
    <ChartFigure
      id="brier-chart"
      kind="brier-over-time"
      data={data}
      caption="Brier over time: each forecaster's score over everything resolved by that date (lower is better)."
    >
      <DataTable
        label="Brier by resolution date"
        columns={[
          { label: 'Resolved on' },
          { label: 'Forecaster' },
          { label: 'That day', num: true },
          { label: 'n', num: true },
          { label: 'Cumulative', num: true },
          { label: 'n', num: true },
        ]}
      >
        {shown.flatMap((f) =>
          f.over_time.map((d) => (
            <tr>
              <td>{d.day}</td>
              <td>{f.label}</td>
              <td class="num">{score(d.brier)}</td>
              <td class="num">{d.n}</td>
              <td class="num">{score(d.cumulative_brier)}</td>
              <td class="num">{d.cumulative_n}</td>
            </tr>
          )),
        )}
      </DataTable>
    </ChartFigure>
  );
}
