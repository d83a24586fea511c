import { colorAt } from '../../../web/charts/colors.js';
import { RELIABILITIES } from '../../domain/grading.js';
import { RATINGS } from '../../domain/ratings.js';
import type { AppError } from '../../errors.js';
import type { EvidenceLogQuery, EvidenceView } from '../../schemas/evidence.js';
import type { QuestionView } from '../../schemas/views.js';
import { DataTable } from '../data-table.js';
import { day, moment } from '../format.js';
import { safeHref } from '../safe-url.js';
import { CsrfField, useCan } from '../viewer.js';

function Select({
  name,
  label,
  value,
  options,
}: {
  name: string;
  label: string;
  value: string | undefined;
  options: readonly (readonly [string, string])[];
}) {
  return (
    <label>
      {label}
      <select name={name}>
        {options.map(([v, text]) => (
          <option value={v} selected={v === (value ?? '')}>
            {text}
          </option>
        ))}
      </select>
    </label>
  );
}

function Filters({
  question,
  query,
  asOf,
}: {
  question: QuestionView;
  query: Partial<EvidenceLogQuery>;
  asOf: string | undefined;
}) {
  return (
    <form method="get" action="#evidence" class="toolbar" aria-label="Filter the evidence log">
      {asOf ? <input type="hidden" name="as_of" value={asOf} /> : null}
      <label>
        Words
        <input type="search" name="q" value={query.q ?? ''} />
      </label>
      <Select
        name="hypothesis"
        label="Rated on"
        value={query.hypothesis}
        options={[
          ['', 'Any hypothesis'],
          ...question.hypotheses.map((h, i) => [h.id, `H${i + 1} ${h.title}`] as const),
        ]}
      />
      <Select
        name="rating"
        label="Rating"
        value={query.rating}
        options={[['', 'Any rating'], ...RATINGS.map((r) => [r, r] as const)]}
      />
      <Select
        name="indicator"
        label="Observes"
        value={query.indicator}
        options={[
          ['', 'Any indicator'],
          ...question.indicators.map((i) => [i.id, i.title] as const),
        ]}
      />
      <Select
        name="reliability"
        label="Reliability"
        value={query.reliability}
        options={[['', 'Any'], ...RELIABILITIES.map((r) => [r, r] as const)]}
      />
      <Select
        name="credibility"
        label="Credibility"
        value={query.credibility}
        options={[['', 'Any'], ...['1', '2', '3', '4', '5', '6'].map((c) => [c, c] as const)]}
      />
      <label>
        Happened from
        <input type="date" name="from" value={query.from ?? ''} />
      </label>
      <label>
        to
        <input type="date" name="to" value={query.to ?? ''} />
      </label>
      <Select
        name="retracted"
        label="Retracted"
        value={query.retracted === 'include' ? '' : query.retracted}
        options={[
          ['', 'Included'],
          ['exclude', 'Left out'],
          ['only', 'Only retracted'],
        ]}
      />
      <button type="submit" class="secondary">
        Filter
      </button>
    </form>
  );
}

function EvidenceItem({
  item,
  question,
  writable,
}: {
  item: EvidenceView;
  question: QuestionView;
  writable: boolean;
}) {
  const href = safeHref(item.source?.url);
  const canRetract = useCan('evidence.write');
  return (
    <tr id={`evidence-${item.id}`} class={item.retraction ? 'retracted' : undefined}>
      <td>
        <span class="title">{item.title}</span>
        {item.retraction ? <span class="badge"> retracted</span> : null}
        {item.summary ? (
          <span class="meta">
            <br />
            {item.summary}
          </span>
        ) : null}
        {item.source ? (
          <span class="meta">
            <br />
            Source:{' '}
            {href ? (
              <a href={href} rel="noopener noreferrer">
                {item.source.title}
              </a>
            ) : (
              item.source.title
            )}
          </span>
        ) : null}
        {item.retraction ? (
          <span class="meta">
            <br />
            Retracted {moment(item.retraction.recorded_at)} by {item.retraction.recorded_by}:{' '}
            {item.retraction.reason}
          </span>
        ) : null}
      </td>
      <td>
        {item.occurred_on}
        <span class="meta">
          <br />
          logged {day(item.recorded_at)}
        </span>
      </td>
      <td>
        <abbr title={`${item.grade_labels.reliability}; ${item.grade_labels.credibility}`}>
          {item.grade}
        </abbr>
        <span class="meta">
          <br />w {item.weight.toFixed(2)}
        </span>
      </td>
      <td>
        {question.hypotheses.map((h, i) => {
          const r = item.ratings[h.id];
          return r ? (
            <span title={h.title} style="margin-right:0.3rem;white-space:nowrap">
              <span class="swatch" style={`background:${colorAt(i)}`} />
              <span class={`rating rating-${r.rating}`}>{r.rating}</span>
              {r.likelihood_ratio !== null ? (
                <span class="meta"> ×{r.likelihood_ratio}</span>
              ) : null}
            </span>
          ) : null;
        })}
        {item.observations.map((o) => (
          <span class="meta">
            <br />
            {question.indicators.find((i) => i.id === o.indicator_id)?.title ?? o.indicator_id}:{' '}
            <span class={`status status-${o.status}`}>{o.status.replace('_', ' ')}</span>
          </span>
        ))}
      </td>
      <td>
        {writable && canRetract && !item.retraction ? (
          <details class="retract">
            <summary>Retract</summary>
            <form method="post" action={`/evidence/${item.id}/retract`} class="stack">
              <CsrfField />
              <label for={`reason-${item.id}`}>Reason for retracting</label>
              <textarea id={`reason-${item.id}`} name="reason" required />
              <button type="submit">Retract</button>
            </form>
          </details>
        ) : null}
      </td>
    </tr>
  );
}

interface EvidenceLogProps {
  question: QuestionView;
  log: { items: EvidenceView[]; next_cursor: string | null } | { problems: AppError };
  query: Partial<EvidenceLogQuery>;
  asOf: string | undefined;
  link: (changes: Record<string, string | undefined>) => string;
}

/** The evidence log with its filters, newest recorded first, a page at a time. */
export function EvidenceLog({ question, log, query, asOf, link }: EvidenceLogProps) {
  return (
    <>
      <Filters question={question} query={query} asOf={asOf} />
      {'problems' in log ? (
        <div class="banner error" role="alert">
          <p>The filters could not be applied:</p>
          <ul>
            {log.problems.problems.map((p) => (
              <li>
                {p.path.replace(/^query\./, '')}: {p.message}
              </li>
            ))}
          </ul>
        </div>
      ) : log.items.length === 0 ? (
        <p class="meta">No evidence matches.</p>
      ) : (
        <DataTable
          label="Evidence log"
          columns={[
            { label: 'Evidence' },
            { label: 'Happened' },
            { label: 'Grade' },
            { label: 'Ratings and indicators' },
            { label: <span class="sr-only">Actions</span> },
          ]}
          wide
        >
          {log.items.map((item) => (
            <EvidenceItem item={item} question={question} writable={asOf === undefined} />
          ))}
        </DataTable>
      )}
      {'next_cursor' in log && log.next_cursor ? (
        <p>
          <a href={`${link({ cursor: log.next_cursor })}#evidence`}>Older evidence</a>
          {query.cursor ? (
            <>
              {' · '}
              <a href={`${link({ cursor: undefined })}#evidence`}>Newest</a>
            </>
          ) : null}
        </p>
      ) : null}
    </>
  );
}
