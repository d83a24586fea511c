import { binName, brierOverTimeData, calibrationChartData } from '../../charts/review-data.js';
import type { ForecasterScores } from '../../schemas/scores.js';
import { ChartFigure } from '../chart-figure.js';
import { DataTable } from '../data-table.js';
import { pct, score } from '../format.js';

/** Observed frequency against mean forecast per bin, with the diagonal and each bin's count. */
export function CalibrationFigure({ forecasters }: { forecasters: readonly ForecasterScores[] }) {
  const shown = forecasters.filter((f) => f.n > 0);
  const data = calibrationChartData(forecasters);
  return (
    <ChartFigure
      id="calibration-chart"
      kind="calibration"
      data={data}
      label="Calibration chart"
      caption="Calibration: each bin's observed frequency against its mean forecast; on the dashed diagonal, forecasts came true as often as they said. n is the bin's count."
      table="The numbers as a table"
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
  const data = brierOverTimeData(forecasters);
  return (
    <ChartFigure
      id="brier-chart"
      kind="brier-over-time"
      data={data}
      label="Brier over time"
      caption="Brier over time: each forecaster's score over everything resolved by that date (lower is better)."
      table="The numbers as a table"
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
