import type { ReviewPage } from '../services/review-page.js';
import { AsOfBanner } from './as-of.js';
import { DataTable } from './data-table.js';
import { day, pct, score } from './format.js';
import { QueryProblems } from './problems.js';
import { ReviewFilters } from './review/filters.js';
import { BrierOverTimeFigure, CalibrationFigure } from './review/review-charts.js';
import { DecompositionTable, ScoreTable } from './review/score-tables.js';

interface ReviewPageProps {
  page: ReviewPage;
  /** The query as given, for the filter form and the links. */
  values: Record<string, string>;
  link: (changes: Record<string, string | undefined>) => string;
}

/** The resolved hypotheses, each with the model's scored forecast and a link to its post-mortem. */
function ResolvedTable({ page, link }: Pick<ReviewPageProps, 'page' | 'link'>) {
  const { hypotheses } = page.report;
  if (hypotheses.length === 0)
    return (
      <p class="meta">
        No resolved hypothesis matches. Resolve one from its page (Resolution), then review it here.
      </p>
    );
  const model = new Map(
    page
      .forecasts()
      .filter((f) => f.forecaster === 'model')
      .map((f) => [f.hypothesis_id, f]),
  );
  const asOf = page.report.as_of;
  return (
    <DataTable
      label="Resolved hypotheses"
      columns={[
        { label: 'Hypothesis' },
        { label: 'Question' },
        { label: 'Outcome' },
        { label: 'Resolved' },
        { label: 'Model forecast', num: true },
        { label: 'Model Brier', num: true },
      ]}
    >
      {hypotheses.map((h) => {
        const m = model.get(h.hypothesis_id);
        const href = `/review/hypotheses/${h.hypothesis_id}${asOf ? `?as_of=${encodeURIComponent(asOf)}` : ''}`;
        return (
          <tr>
            <td>
              <a href={href}>{h.title}</a>
            </td>
            <td>
              <a href={link({ question: h.question_id })}>{h.question_title}</a>
            </td>
            <td>
              <span class={`outcome outcome-${h.outcome}`}>{h.outcome}</span>
            </td>
            <td>{day(h.resolved_at)}</td>
            <td class="num">{m ? pct(m.probability) : '—'}</td>
            <td class="num">{score(m?.brier)}</td>
          </tr>
        );
      })}
    </DataTable>
  );
}

export function ReviewPageView({ page, values, link }: ReviewPageProps) {
  const { report } = page;
  const scoredCount = report.hypotheses.filter((h) => h.outcome !== 'annulled').length;
  const annulled = report.hypotheses.length - scoredCount;
  const csv = new URLSearchParams({ ...values, format: 'csv' });
  return (
    <>
      <h1>Retrospective review</h1>
      <p class="lede">
        How good were the assessments — the model's, each analyst's, each cited author's — on the
        hypotheses whose outcome is known. Scores follow METHODS §6 ({report.method}).
      </p>
      <ReviewFilters page={page} values={values} />
      <QueryProblems problems={page.problems} />
      <AsOfBanner asOf={report.as_of} />
      <p>
        {scoredCount} resolved {scoredCount === 1 ? 'hypothesis' : 'hypotheses'} scored
        {annulled > 0 ? `, ${annulled} annulled (not scored)` : ''}; scoring{' '}
        {report.filters.horizon === 0
          ? 'the latest forecast before each resolution'
          : `the forecast standing ${report.filters.horizon} days before each resolution`}
        . <a href={`/api/scores/forecasts?${csv}`}>Download the per-forecast scores (CSV)</a> ·{' '}
        <a href={link({ forecaster: 'sources' })}>Cited sources' track records</a>
      </p>
      <h2 id="scores">Scores by forecaster</h2>
      {report.forecasters.some((f) => f.n > 0) ? (
        <>
          <ScoreTable report={report} link={link} />
          <h2 id="calibration">Calibration</h2>
          <CalibrationFigure forecasters={report.forecasters} />
          <DecompositionTable report={report} />
          <h2 id="over-time">Brier over time</h2>
          <BrierOverTimeFigure forecasters={report.forecasters} />
        </>
      ) : (
        <p class="meta">
          No forecast is scored yet: scores need resolved hypotheses and forecasts made before each
          outcome was known.
        </p>
      )}
      <h2 id="resolved">Resolved hypotheses</h2>
      <ResolvedTable page={page} link={link} />
      <details>
        <summary>Methods: how each figure is computed</summary>
        <dl>
          {Object.entries(report.conventions).map(([name, text]) => (
            <>
              <dt>{name.replaceAll('_', ' ')}</dt>
              <dd>{text}</dd>
            </>
          ))}
        </dl>
      </details>
    </>
  );
}
