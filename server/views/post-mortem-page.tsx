import type { EvidenceRanking, PostMortem, RankedEvidence } from '../services/post-mortem.js';
import { AsOfBanner } from './as-of.js';
import { DataTable } from './data-table.js';
import { day, direction, moment, pct, points, score } from './format.js';
import { TimelineFigure } from './timeline-chart.js';
import { useCan } from './viewer.js';

interface PostMortemProps {
  postMortem: PostMortem;
  asOf: string | undefined;
  resolved: boolean;
  now: number;
}

/** What a ranked cause is, before its title; an evidence item needs no word. */
const CAUSE_PREFIX: Record<RankedEvidence['kind'], string> = {
  evidence: '',
  observation: 'indicator ',
  resolution: 'resolution ',
};

function EvidenceMoves({
  rows,
  questionId,
  label,
}: {
  rows: readonly RankedEvidence[];
  questionId: string;
  label: string;
}) {
  if (rows.length === 0) return <p class="meta">None.</p>;
  return (
    <DataTable
      label={label}
      columns={[
        { label: 'Evidence' },
        { label: 'Happened', title: 'Valid time' },
        { label: 'Grade' },
        { label: 'Net move toward the truth', num: true },
      ]}
    >
      {rows.map((r) => (
        <tr class={r.retracted ? 'retracted' : undefined}>
          <td>
            <span class="meta">{CAUSE_PREFIX[r.kind]}</span>
            {r.kind === 'evidence' ? (
              <a href={`/questions/${questionId}#evidence-${r.causeId}`}>{r.title ?? r.causeId}</a>
            ) : (
              (r.title ?? r.causeId)
            )}
            {r.retracted ? <span class="badge"> retracted before resolution</span> : null}
          </td>
          <td>{r.occurred_on ?? day(new Date(r.firstValidAt))}</td>
          <td>{r.grade ?? '—'}</td>
          <td class={`num ${direction(r.toward) ?? ''}`}>{points(r.toward)}</td>
        </tr>
      ))}
    </DataTable>
  );
}

function EvidenceRankingView({
  ranking,
  pm,
  outcome,
}: {
  ranking: EvidenceRanking;
  pm: PostMortem;
  outcome: string;
}) {
  const more = (shown: number, all: number) =>
    all > shown ? (
      <p class="meta">
        The strongest {shown} of {all}.
      </p>
    ) : null;
  return (
    <>
      <p class="meta">
        From the update ledger, before the outcome was known: each item's net move of the model on
        this hypothesis, in points toward what happened ({outcome}). All of them together moved it{' '}
        {points(ranking.net)} from the prior.
      </p>
      <h3>Toward the truth</h3>
      <EvidenceMoves
        rows={ranking.toward}
        questionId={pm.question.id}
        label="Evidence toward the truth"
      />
      {more(ranking.toward.length, ranking.counts.toward)}
      <h3>Away from the truth</h3>
      <EvidenceMoves
        rows={ranking.away}
        questionId={pm.question.id}
        label="Evidence away from the truth"
      />
      {more(ranking.away.length, ranking.counts.away)}
    </>
  );
}

function Resolutions({ postMortem: pm }: { postMortem: PostMortem }) {
  const [standing, ...earlier] = pm.resolutions;
  if (!standing) return <p>Not resolved yet.</p>;
  return (
    <>
      <dl class="grid-fields">
        <div>
          <dt class="meta">Outcome</dt>
          <dd>
            <span class={`outcome outcome-${standing.outcome}`}>{standing.outcome}</span>
          </dd>
        </div>
        <div>
          <dt class="meta">Known on</dt>
          <dd>{day(standing.resolved_at)}</dd>
        </div>
        <div>
          <dt class="meta">Recorded</dt>
          <dd>
            {moment(standing.recorded_at)} by {standing.recorded_by}
          </dd>
        </div>
        {standing.evidence_id ? (
          <div>
            <dt class="meta">Settled by</dt>
            <dd>
              <a href={`/questions/${pm.question.id}#evidence-${standing.evidence_id}`}>
                {standing.evidence_id}
              </a>
            </dd>
          </div>
        ) : null}
      </dl>
      <p>{standing.note}</p>
      {standing.reason ? (
        <p class="meta">Superseded the earlier resolution: {standing.reason}</p>
      ) : null}
      {earlier.length > 0 ? (
        <DataTable
          label="Earlier resolutions"
          caption="Earlier resolutions, superseded and kept"
          columns={[
            { label: 'Outcome' },
            { label: 'Known on' },
            { label: 'Note' },
            { label: 'Recorded' },
          ]}
        >
          {earlier.map((r) => (
            <tr>
              <td>{r.outcome}</td>
              <td>{day(r.resolved_at)}</td>
              <td>{r.note}</td>
              <td>{moment(r.recorded_at)}</td>
            </tr>
          ))}
        </DataTable>
      ) : null}
    </>
  );
}

export function PostMortemView({ postMortem: pm, asOf, resolved, now }: PostMortemProps) {
  const canResolve = useCan('resolution.write');
  const h = pm.hypothesis;
  const standing = pm.resolutions[0];
  const settled = standing && standing.outcome !== 'annulled' ? standing : undefined;
  const position = pm.question.hypotheses.findIndex((x) => x.id === h.id);
  return (
    <>
      <p class="meta">
        <a href="/review">Review</a> ›{' '}
        <a href={`/questions/${pm.question.id}`}>{pm.question.title}</a> ›{' '}
        <a href={`/hypotheses/${h.id}`}>{h.title}</a>
      </p>
      <h1>Post-mortem: {h.title}</h1>
      <AsOfBanner asOf={pm.question.as_of} />
      {resolved ? (
        <p class="banner" role="status">
          Resolution recorded.
        </p>
      ) : null}
      <p class="lede">{h.statement}</p>
      <h2 id="resolution">Resolution</h2>
      <Resolutions postMortem={pm} />
      {asOf === undefined && canResolve ? (
        <p class="no-print">
          <a class="button secondary" href={`/hypotheses/${h.id}/resolution`}>
            {standing ? 'Re-resolve (with a reason)' : 'Resolve'}
          </a>
        </p>
      ) : null}
      <h2 id="timeline">Timeline and outcome</h2>
      <TimelineFigure
        id="timeline-chart"
        caption={`Probability over valid time for “${h.title}”`}
        hypotheses={[{ id: h.id, title: h.title, position }]}
        timelines={new Map([[h.id, pm.timeline]])}
        range={{ from: null, to: null }}
        asOf={pm.question.as_of}
        now={now}
        keep={asOf ? { as_of: asOf } : {}}
        outcome={
          settled
            ? { outcome: settled.outcome as 'true' | 'false', resolved_at: settled.resolved_at }
            : undefined
        }
      />
      {settled ? (
        <>
          <h2 id="scored">Scored forecasts</h2>
          {pm.scored.length === 0 ? (
            <p class="meta">No forecaster had a forecast before the outcome was known.</p>
          ) : (
            <DataTable
              label="Scored forecasts"
              caption="Each forecaster's latest forecast before the outcome was known, as /api/scores scores it."
              columns={[
                { label: 'Forecaster' },
                { label: 'Forecast', num: true },
                { label: 'For', title: 'Valid time of the scored forecast' },
                { label: 'Brier', num: true },
                { label: 'Log', num: true },
                { label: 'Time-avg.', num: true },
                { label: '365 d', num: true },
                { label: '90 d', num: true },
                { label: '30 d', num: true },
              ]}
            >
              {pm.scored.map((f) => (
                <tr>
                  <th scope="row">{f.forecaster_label}</th>
                  <td class="num">{pct(f.probability)}</td>
                  <td>{day(f.forecast_valid_at)}</td>
                  <td class="num">{score(f.brier)}</td>
                  <td class="num">{score(f.log)}</td>
                  <td class="num">{score(f.time_averaged_brier)}</td>
                  <td class="num">{score(f.brier_365)}</td>
                  <td class="num">{score(f.brier_90)}</td>
                  <td class="num">{score(f.brier_30)}</td>
                </tr>
              ))}
            </DataTable>
          )}
          <h2 id="evidence">Evidence that moved the model</h2>
          {pm.evidence ? (
            <EvidenceRankingView ranking={pm.evidence} pm={pm} outcome={settled.outcome} />
          ) : null}
        </>
      ) : standing ? (
        <p class="meta">Annulled: not scored.</p>
      ) : null}
    </>
  );
}
