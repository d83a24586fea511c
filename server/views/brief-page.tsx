import { colorAt } from '../../web/charts/colors.js';
import type { ProbabilitiesChartData } from '../../web/charts/probabilities.js';
import { timelineChartData } from '../charts/timeline-data.js';
import { EXPECTATION_SCORE } from '../domain/indicators.js';
import { wordsFor } from '../domain/words.js';
import type { HypothesisView } from '../schemas/views.js';
import type { Brief, BriefMove } from '../services/brief.js';
import { AsOfBanner, InstantInput } from './as-of.js';
import { ChartFigure } from './chart-figure.js';
import { DataTable } from './data-table.js';
import { day, direction, moment, pct, points } from './format.js';

/**
 * The one-page brief: what we assess, what changed since the last brief, why, and what to
 * watch for. Laid out to print on one A4 or Letter page.
 */

function Change({ now, then }: { now: number | null; then: number | null | undefined }) {
  if (now === null) return <td class="num">—</td>;
  if (then === null || then === undefined) return <td class="num meta">new</td>;
  const delta = now - then;
  return <td class={`num ${direction(delta) ?? ''}`}>{points(delta)}</td>;
}

function Estimate({ p }: { p: number | null }) {
  return (
    <td class="num">
      {p === null ? (
        '—'
      ) : (
        <>
          <strong>{pct(p)}</strong> <span class="words">{wordsFor(p)}</span>
        </>
      )}
    </td>
  );
}

function MoveItem({ move, title }: { move: BriefMove; title: (id: string) => string }) {
  const kind = {
    evidence: 'Evidence',
    observation: 'Indicator',
    retraction: '',
    resolution: 'Resolution',
  }[move.type];
  return (
    <li>
      {kind ? `${kind}: ` : ''}
      {move.title ?? move.id}{' '}
      <span class="meta">
        (valid {day(move.validAt)}, recorded {day(move.recordedAt)})
      </span>{' '}
      —{' '}
      {move.lines
        .slice(0, 3)
        .map((l) => `${title(l.hypothesisId)} ${pct(l.before)} → ${pct(l.after)}`)
        .join('; ')}
    </li>
  );
}

export function BriefPageView({
  brief,
  link,
  now,
}: {
  brief: Brief;
  /** A URL of this brief's images and page with its as-of and since. */
  link: {
    page: (changes: Record<string, string | undefined>) => string;
    image: (chart: string) => string;
  };
  now: number;
}) {
  const { question, previous, since, asOf } = brief;
  const before = new Map(previous?.hypotheses.map((h) => [h.id, h]) ?? []);
  const letter = new Map(question.hypotheses.map((h, i) => [h.id, `H${i + 1}`]));
  const title = (id: string) => letter.get(id) ?? id;
  const bars: ProbabilitiesChartData = {
    bars: question.hypotheses.map((h, i) => ({
      // Letters, not titles: the table above names them, and the bars keep their width.
      name: `H${i + 1}`,
      color: colorAt(i),
      model: h.current.model,
      analyst: h.current.analyst,
    })),
  };
  const end = asOf ? asOf.getTime() : now;
  const timeline = timelineChartData(
    question.hypotheses.map((h, position) => ({
      id: h.id,
      title: `H${position + 1} ${h.title}`,
      position,
    })),
    brief.timelines,
    { from: null, to: null, end },
  );
  const previousOf = (h: HypothesisView) => before.get(h.id)?.current;
  return (
    <article class="brief">
      <p class="meta no-print">
        <a href={`/questions/${question.id}`}>Question page</a> ·{' '}
        <a href={link.page({})} data-print>
          Print
        </a>
      </p>
      <h1>Brief: {question.title}</h1>
      <p class="meta">
        As of <strong>{moment(asOf ?? new Date(now))}</strong> · changes since{' '}
        <strong>{moment(since)}</strong> · {question.counts.evidence} evidence items · method
        signpost-v1, words ICD 203
      </p>
      <form method="get" class="toolbar" aria-label="Brief settings">
        <InstantInput label="Changes since" name="since" value={since.toISOString()} />
        <InstantInput label="As of" name="as_of" value={asOf?.toISOString()} />
        <button type="submit" class="secondary">
          Update brief
        </button>
      </form>
      <AsOfBanner asOf={asOf?.toISOString() ?? null} />

      <section aria-labelledby="brief-assessments">
        <h2 id="brief-assessments">Current assessments</h2>
        <DataTable
          label="Current assessments and change since the last brief"
          columns={[
            { label: 'Hypothesis' },
            { label: 'Model', num: true },
            { label: `Since ${day(since)}`, num: true },
            { label: 'Analysts', num: true },
            { label: `Since ${day(since)}`, num: true },
          ]}
        >
          {question.hypotheses.map((h, i) => (
            <tr>
              <th scope="row">
                <span class="swatch" style={`background:${colorAt(i)}`} />H{i + 1} {h.title}
                {h.resolution ? (
                  <span class="badge">
                    resolved {h.resolution.outcome}, {day(h.resolution.resolved_at)}
                  </span>
                ) : null}
              </th>
              <Estimate p={h.current.model} />
              <Change now={h.current.model} then={previousOf(h)?.model} />
              <Estimate p={h.current.analyst} />
              <Change now={h.current.analyst} then={previousOf(h)?.analyst} />
            </tr>
          ))}
        </DataTable>
      </section>

      <div class="brief-charts">
        <ChartFigure
          id="brief-probabilities"
          kind="probabilities"
          data={bars}
          label="Current probabilities over the ICD 203 bands"
          caption="Current probabilities: model (solid) and analysts (light) over the ICD 203 bands."
          image={link.image('probabilities')}
          table="The numbers are in the table above"
        >
          <p class="meta">Model and analysts per hypothesis, as in the assessments table.</p>
        </ChartFigure>
        <ChartFigure
          id="brief-timeline"
          kind="timeline"
          data={timeline}
          label="Probabilities over time"
          caption="Over time: model solid, analysts dashed, ▲ cited authors."
          image={link.image('timeline')}
          table="The latest steps are on the question page"
        >
          <p class="meta">
            <a href={`/questions/${question.id}`}>The question page</a> lists every step.
          </p>
        </ChartFigure>
      </div>

      <section aria-labelledby="brief-moves">
        <h2 id="brief-moves">What moved the model since {day(since)}</h2>
        {brief.moves.length === 0 ? (
          <p class="meta">Nothing recorded since then moved the model.</p>
        ) : (
          <ol class="compact">
            {brief.moves.map((m) => (
              <MoveItem move={m} title={title} />
            ))}
          </ol>
        )}
      </section>

      <section aria-labelledby="brief-indicators">
        <h2 id="brief-indicators">Indicators that fired or expired since {day(since)}</h2>
        {brief.indicatorChanges.length === 0 ? (
          <p class="meta">None reported since then.</p>
        ) : (
          <ul class="compact">
            {brief.indicatorChanges.map((c) => (
              <li>
                <strong>{c.status.replace('_', ' ').toLowerCase()}</strong>: {c.indicator.title}{' '}
                <span class="meta">
                  (on {day(c.observedAt)}, recorded {day(c.recordedAt)})
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="brief-watch">
        <h2 id="brief-watch">Open questions for collection</h2>
        {brief.watch.length === 0 ? (
          <p class="meta">No diagnostic indicator is still open.</p>
        ) : (
          <ul class="compact">
            {brief.watch.map((i) => {
              // The hypotheses whose expectation points one way (HL, L up; U, HU down).
              const leaning = (sign: 1 | -1) =>
                Object.entries(i.expectations)
                  .filter(([, e]) => Math.sign(EXPECTATION_SCORE[e]) === sign)
                  .map(([id]) => title(id))
                  .join(', ') || 'none';
              return (
                <li>
                  {i.title}
                  {i.expected_by ? ` (expected by ${i.expected_by})` : ''}: would favour{' '}
                  {leaning(1)}, count against {leaning(-1)}{' '}
                  <span class="meta">
                    ({i.status.replace('_', ' ').toLowerCase()}, spread {i.diagnosticity.spread})
                  </span>
                </li>
              );
            })}
          </ul>
        )}
      </section>
    </article>
  );
}
