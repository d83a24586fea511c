import type { ForecasterScores, ScoreReport } from '../../schemas/scores.js';
import { DataTable } from '../data-table.js';
import { score } from '../format.js';

const HORIZON_DAYS = [365, 180, 90, 30] as const;

/** Model first, then analysts, then sources and authors by their Brier, best first. */
function ordered(forecasters: readonly ForecasterScores[]) {
  const rank = { model: 0, analyst: 1, source: 2, author: 2 } as const;
  return [...forecasters].sort(
    (a, b) => rank[a.kind] - rank[b.kind] || (a.brier ?? 2) - (b.brier ?? 2),
  );
}

function ForecasterCell({
  f,
  link,
}: {
  f: ForecasterScores;
  link: (changes: Record<string, string | undefined>) => string;
}) {
  return (
    <th scope="row">
      <a href={link({ forecaster: f.forecaster })}>{f.label}</a>
      <span class="meta"> {f.kind}</span>
      {f.author_forecaster ? (
        <span class="meta">
          {' '}
          · <a href={link({ forecaster: f.author_forecaster })}>all by {f.author}</a>
        </span>
      ) : null}
    </th>
  );
}

/** The score table by forecaster; forecasters with nothing scored are named below it. */
export function ScoreTable({
  report,
  link,
}: {
  report: ScoreReport;
  link: (changes: Record<string, string | undefined>) => string;
}) {
  const scored = ordered(report.forecasters.filter((f) => f.n > 0));
  const unscored = report.forecasters.filter((f) => f.n === 0);
  const c = report.conventions;
  return (
    <>
      <DataTable
        label="Scores by forecaster"
        wide
        caption={
          <>
            Lower Brier is better (0 perfect, 0.25 a constant 50 %); higher log score is better.
            Skill against {report.reference.label}: above 0 beats it. Hover a heading for its
            convention.
          </>
        }
        columns={[
          { label: 'Forecaster' },
          { label: 'Scored', num: true, title: c.scored_forecast },
          { label: 'Brier', num: true, title: c.brier },
          { label: 'Original (excl.)', num: true, title: c.brier_original },
          { label: 'Log', num: true, title: c.log },
          { label: 'Time-avg. Brier', num: true, title: c.time_averaged_brier },
          ...HORIZON_DAYS.map((d) => ({ label: `${d} d`, num: true, title: c.horizons })),
          { label: 'Skill', num: true, title: c.skill },
          { label: 'ECE', num: true, title: c.ece },
        ]}
      >
        {scored.map((f) => (
          <tr>
            <ForecasterCell f={f} link={link} />
            <td class="num">{f.n}</td>
            <td class="num">{score(f.brier)}</td>
            <td class="num">
              {f.brier_original
                ? `${score(f.brier_original.value)} (${f.brier_original.questions} q.)`
                : '—'}
            </td>
            <td class="num">{score(f.log)}</td>
            <td class="num">{score(f.time_averaged_brier)}</td>
            {HORIZON_DAYS.map((d) => {
              const h = f.horizons.find((x) => x.days === d);
              return (
                <td class="num" title={h ? `${h.n} forecasts stood then` : undefined}>
                  {score(h?.brier)}
                </td>
              );
            })}
            <td class="num" title={`over ${f.skill.n} hypotheses both were scored on`}>
              {score(f.skill.value)}
            </td>
            <td class="num">{score(f.ece)}</td>
          </tr>
        ))}
      </DataTable>
      {unscored.length > 0 ? (
        <p class="meta">
          Nothing scored (no forecast before a selected resolution):{' '}
          {unscored.map((f) => f.label).join('; ')}.
        </p>
      ) : null}
    </>
  );
}

/** The Murphy decomposition per forecaster, adding up to its Brier. */
export function DecompositionTable({ report }: { report: ScoreReport }) {
  const rows = ordered(report.forecasters.filter((f) => f.decomposition));
  return (
    <DataTable
      label="Murphy decomposition"
      caption={report.conventions.decomposition}
      columns={[
        { label: 'Forecaster' },
        { label: 'REL', num: true, title: 'Reliability: lower is better' },
        { label: 'RES', num: true, title: 'Resolution: higher is better' },
        { label: 'UNC', num: true, title: 'Uncertainty of the outcomes' },
        { label: 'WBV', num: true, title: 'Within-bin variance' },
        { label: 'WBC', num: true, title: 'Within-bin covariance' },
        { label: '= Brier', num: true },
        { label: 'Residual', num: true },
      ]}
    >
      {rows.map((f) => {
        const d = f.decomposition as NonNullable<ForecasterScores['decomposition']>;
        return (
          <tr>
            <th scope="row">{f.label}</th>
            <td class="num">{score(d.reliability, 4)}</td>
            <td class="num">{score(d.resolution, 4)}</td>
            <td class="num">{score(d.uncertainty, 4)}</td>
            <td class="num">{score(d.within_bin_variance, 4)}</td>
            <td class="num">{score(d.within_bin_covariance, 4)}</td>
            <td class="num">{score(d.brier, 4)}</td>
            <td class="num">{d.residual.toExponential(1)}</td>
          </tr>
        );
      })}
    </DataTable>
  );
}
