import type { TimelinePoint } from '../schemas/timeline.js';
import type { HypothesisView, QuestionView } from '../schemas/views.js';
import { LEDGER_PAGE } from '../services/question-page.js';
import { AsOfPicker } from './as-of.js';
import { DataTable } from './data-table.js';
import type { FormState } from './fields.js';
import { day, direction, pct, points } from './format.js';
import { JudgmentForm } from './forms/judgment-form.js';
import { Probability } from './probability.js';
import { safeHref } from './safe-url.js';
import { TimelineFigure } from './timeline-chart.js';
import { Allowed, useCan } from './viewer.js';

interface HypothesisPageProps {
  question: QuestionView;
  hypothesis: HypothesisView;
  timeline: TimelinePoint[];
  ledger: { points: TimelinePoint[]; total: number };
  asOf: string | undefined;
  ledgerPage: number;
  judged: boolean;
  form: FormState;
  link: (changes: Record<string, string | undefined>) => string;
  now: number;
}

function Citations({ hypothesis }: { hypothesis: HypothesisView }) {
  if (hypothesis.citations.length === 0) return <p class="meta">No citations.</p>;
  return (
    <ul class="plain">
      {hypothesis.citations.map((c) => {
        const href = safeHref(c.source.url);
        return (
          <li>
            <strong>
              {href ? (
                <a href={href} rel="noopener noreferrer">
                  {c.source.title}
                </a>
              ) : (
                c.source.title
              )}
            </strong>
            {c.source.author ? ` — ${c.source.author}` : ''}
            {c.published_on ? `, ${c.published_on}` : ''}
            {c.stance === 'opposes' ? <span class="badge"> argues against</span> : null}
            <blockquote>“{c.quote}”</blockquote>
            {c.words ? (
              <p class="meta">
                In their words: “{c.words}”
                {c.probability !== null
                  ? ` — read as ${pct(c.probability)}${c.reading ? ` (${c.reading})` : ''}`
                  : ''}
                {c.probability_reason ? `. ${c.probability_reason}` : ''}
              </p>
            ) : null}
          </li>
        );
      })}
    </ul>
  );
}

function Ledger({
  ledger,
  question,
  page,
  link,
}: {
  ledger: HypothesisPageProps['ledger'];
  question: QuestionView;
  page: number;
  link: HypothesisPageProps['link'];
}) {
  const shown = ledger.points;
  const more = ledger.total > (page + 1) * LEDGER_PAGE;
  if (ledger.total === 0)
    return <p class="meta">Nothing has moved the model yet: it stands at the prior.</p>;
  return (
    <>
      <DataTable
        label="Update ledger"
        columns={[
          { label: 'Valid' },
          { label: 'Cause' },
          { label: 'Rating' },
          { label: 'w', num: true },
          { label: 'Factor', num: true },
          { label: 'Before → after', num: true },
          { label: 'Change', num: true },
        ]}
        caption={
          <>
            All {ledger.total} updates of the model, newest first, {LEDGER_PAGE} a page: the rating,
            the grade weight w, the factor L^w and the probability before and after (METHODS §3).
          </>
        }
        wide
      >
        {shown.map((p) => {
          const ledger = p.ledger as NonNullable<TimelinePoint['ledger']>;
          const delta = p.probability - ledger.before;
          const anchor =
            p.cause.type === 'evidence' || p.cause.type === 'retraction'
              ? `/questions/${question.id}#evidence-${p.cause.id}`
              : undefined;
          return (
            <tr>
              <td>
                {day(p.valid_at)}
                <span class="meta">
                  <br />
                  logged {day(p.recorded_at)}
                </span>
              </td>
              <td>
                <span class="meta">{p.cause.type}</span>{' '}
                {anchor ? (
                  <a href={anchor}>{p.cause.title ?? p.cause.id}</a>
                ) : (
                  (p.cause.title ?? p.cause.id)
                )}
              </td>
              <td>
                {ledger.rating ? (
                  <span class={`rating rating-${ledger.rating}`}>{ledger.rating}</span>
                ) : (
                  '—'
                )}
              </td>
              <td class="num">{ledger.weight === null ? '—' : ledger.weight.toFixed(2)}</td>
              <td class="num">{ledger.factor === null ? '—' : ledger.factor.toFixed(3)}</td>
              <td class="num">
                {pct(ledger.before)} → {pct(p.probability)}
              </td>
              <td class={`num ${direction(delta) ?? ''}`}>{points(delta)}</td>
            </tr>
          );
        })}
      </DataTable>
      <p>
        {page > 0 ? (
          <a href={link({ ledger_page: page > 1 ? String(page - 1) : undefined })}>Newer</a>
        ) : null}
        {page > 0 && more ? ' · ' : null}
        {more ? <a href={link({ ledger_page: String(page + 1) })}>Older</a> : null}
      </p>
    </>
  );
}

export function HypothesisPageView(props: HypothesisPageProps) {
  const canJudge = useCan('judgment.write');
  const canResolve = useCan('resolution.write');
  const { question, hypothesis: h } = props;
  const position = question.hypotheses.findIndex((x) => x.id === h.id);
  const chartHypotheses = [{ id: h.id, title: h.title, position }];
  const timelines = new Map([[h.id, props.timeline]]);
  return (
    <>
      <p class="meta">
        <a href="/">Dashboard</a> › <a href={`/questions/${question.id}`}>{question.title}</a>
      </p>
      <h1>{h.title}</h1>
      <AsOfPicker path={`/hypotheses/${h.id}`} asOf={question.as_of} />
      {props.judged ? (
        <p class="banner" role="status">
          Judgment recorded.
        </p>
      ) : null}
      <p class="lede">{h.statement}</p>
      <dl class="grid-fields">
        <div>
          <dt class="meta">Model now</dt>
          <dd>
            <Probability value={h.current.model} words={h.current.model_words} />
          </dd>
        </div>
        <div>
          <dt class="meta">Analyst</dt>
          <dd>
            <Probability value={h.current.analyst} words={h.current.analyst_words} />
          </dd>
        </div>
        <div>
          <dt class="meta">Prior</dt>
          <dd>
            {pct(h.prior)}
            {h.prior !== h.stated_prior ? (
              <span class="meta"> (stated {pct(h.stated_prior)}, normalised over the set)</span>
            ) : null}
          </dd>
        </div>
        <div>
          <dt class="meta">Horizon</dt>
          <dd>{h.horizon}</dd>
        </div>
        <div>
          <dt class="meta">Status</dt>
          <dd>
            {h.resolution
              ? `resolved ${h.resolution.outcome}, ${day(h.resolution.resolved_at)}`
              : 'open'}
          </dd>
        </div>
        <div>
          <dt class="meta">Opened</dt>
          <dd>{day(h.opened_at)}</dd>
        </div>
      </dl>
      <h2>Resolution criteria</h2>
      <p>{h.resolution_criteria}</p>
      {h.rationale ? (
        <>
          <h2>Why this prior and horizon</h2>
          <p>{h.rationale}</p>
        </>
      ) : null}
      <h2>Citations</h2>
      <Citations hypothesis={h} />
      <h2 id="timeline">Timeline</h2>
      <TimelineFigure
        id="timeline-chart"
        caption={`Probability over valid time for “${h.title}”`}
        hypotheses={chartHypotheses}
        timelines={timelines}
        range={{ from: null, to: null }}
        asOf={question.as_of}
        now={props.now}
        keep={props.asOf ? { as_of: props.asOf } : {}}
      />
      {props.asOf === undefined && h.status === 'open' && canJudge ? (
        <>
          <h2 id="judge">Record a judgment</h2>
          {question.kind === 'exclusive' ? (
            <p>
              This hypothesis belongs to an exclusive set: judge the whole set so it sums to 100 %.{' '}
              <a href={`/questions/${question.id}/judgment`}>Judge the set</a>
            </p>
          ) : (
            <JudgmentForm action={`/hypotheses/${h.id}/judgment`} form={props.form} />
          )}
        </>
      ) : null}
      <h2 id="resolution">Resolution</h2>
      <p>
        {h.resolution ? (
          <>
            Resolved{' '}
            <span class={`outcome outcome-${h.resolution.outcome}`}>{h.resolution.outcome}</span> on{' '}
            {day(h.resolution.resolved_at)}.{' '}
            <Allowed permission="scores.read">
              <a href={`/review/hypotheses/${h.id}`}>
                Post-mortem: scores and the evidence that moved us
              </a>
            </Allowed>
          </>
        ) : (
          'Open.'
        )}
        {props.asOf === undefined && canResolve ? (
          <>
            {' '}
            <a class="button secondary no-print" href={`/hypotheses/${h.id}/resolution`}>
              {h.resolution ? 'Re-resolve' : 'Resolve'}
            </a>
          </>
        ) : null}
      </p>
      <h2 id="ledger">Update ledger</h2>
      <Ledger
        ledger={props.ledger}
        question={question}
        page={props.ledgerPage}
        link={(c) => `${props.link(c)}#ledger`}
      />
    </>
  );
}
