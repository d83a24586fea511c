import { colorAt } from '../../web/charts/colors.js';
import { type Dashboard, RECENT_DAYS } from '../services/dashboard.js';
import { DataTable } from './data-table.js';
import { day, direction, points } from './format.js';
import { Probability } from './probability.js';
import { Sparkline } from './sparkline.js';

function Change({ delta }: { delta: number | undefined }) {
  if (delta === undefined) return <span class="words">—</span>;
  return <span class={direction(delta)}>{points(delta)}</span>;
}

function Filters({ tags, tag, sort }: { tags: string[]; tag: string | undefined; sort: string }) {
  return (
    <form method="get" class="toolbar" aria-label="Filter and sort questions">
      <label>
        Tag
        <select name="tag">
          <option value="">All tags</option>
          {tags.map((t) => (
            <option value={t} selected={t === tag}>
              {t}
            </option>
          ))}
        </select>
      </label>
      <label>
        Sort
        <select name="sort">
          <option value="order" selected={sort === 'order'}>
            Question order
          </option>
          <option value="move" selected={sort === 'move'}>
            Largest move, last {RECENT_DAYS} days
          </option>
        </select>
      </label>
      <button type="submit" class="secondary">
        Apply
      </button>
    </form>
  );
}

export function DashboardPage({
  data,
  tag,
  sort,
}: {
  data: Dashboard;
  tag: string | undefined;
  sort: string;
}) {
  return (
    <>
      <h1>Dashboard</h1>
      <p class="lede">
        Every question with its hypotheses: the model's probability from the logged evidence beside
        the analysts' latest judgment, and how each moved in the last {RECENT_DAYS} days.
      </p>
      <Filters tags={data.tags} tag={tag} sort={sort} />
      {data.questions.length === 0 ? (
        <p class="banner">
          No questions{tag ? ` tagged “${tag}”` : ''} yet. <a href="/questions/new">Create one</a>.
        </p>
      ) : null}
      <div class="questions">
        {data.questions.map((q) => (
          <section class="question-card" aria-labelledby={`q-${q.id}`}>
            <h2 id={`q-${q.id}`}>
              <a href={`/questions/${q.id}`}>{q.title}</a>
            </h2>
            <p class="meta">
              {q.kind === 'exclusive' ? 'Exclusive set' : 'Independent forecasts'} ·{' '}
              {q.counts.hypotheses} hypotheses · {q.counts.indicators} indicators ·{' '}
              {q.counts.evidence} evidence{' '}
              {q.tags.map((t) => (
                <a class="tag" href={`/?tag=${encodeURIComponent(t)}`}>
                  {t}
                </a>
              ))}
            </p>
            <DataTable
              label={`Hypotheses of ${q.title}`}
              columns={[
                { label: 'Hypothesis' },
                { label: 'Model', num: true },
                { label: 'Analyst', num: true },
                { label: `${RECENT_DAYS} days (model / analyst)`, num: true },
                { label: <span class="trend">Model trend</span> },
              ]}
            >
              {q.hypotheses.map((h, i) => {
                const trend = data.trends.get(h.id);
                return (
                  <tr>
                    <th scope="row">
                      <span class="swatch" style={`background:${colorAt(i)}`} />
                      <a href={`/hypotheses/${h.id}`}>{h.title}</a>
                      {h.status === 'resolved' ? <span class="badge"> resolved</span> : null}
                    </th>
                    <td class="num">
                      <Probability value={h.current.model} words={h.current.model_words} />
                    </td>
                    <td class="num">
                      <Probability value={h.current.analyst} words={h.current.analyst_words} />
                    </td>
                    <td class="num">
                      <Change delta={trend?.model} /> / <Change delta={trend?.analyst} />
                    </td>
                    <td class="trend">
                      {trend ? (
                        <Sparkline
                          series={trend.spark}
                          color={colorAt(i)}
                          label={`Model for ${h.title} from ${day(h.opened_at)} to now`}
                        />
                      ) : null}
                    </td>
                  </tr>
                );
              })}
            </DataTable>
          </section>
        ))}
      </div>
      <div class="two-col">
        <section aria-labelledby="latest-evidence">
          <h2 id="latest-evidence">Latest evidence</h2>
          {data.latestEvidence.length === 0 ? <p class="meta">None logged yet.</p> : null}
          <ul class="plain">
            {data.latestEvidence.map((e) => (
              <li class={e.retracted_id ? 'retracted' : undefined}>
                <a href={`/questions/${e.question_id}#evidence-${e.id}`}>{e.title}</a>{' '}
                {e.retracted_id ? <span class="badge">retracted</span> : null}
                <br />
                <span class="meta">
                  {e.reliability}
                  {e.credibility} · happened {e.occurred_on} · logged {day(e.recorded_at)} ·{' '}
                  {e.question_title}
                </span>
              </li>
            ))}
          </ul>
        </section>
        <section aria-labelledby="latest-indicators">
          <h2 id="latest-indicators">Indicators that changed</h2>
          {data.latestIndicatorChanges.length === 0 ? <p class="meta">No changes yet.</p> : null}
          <ul class="plain">
            {data.latestIndicatorChanges.map((o) => (
              <li>
                <span class={`status status-${o.status}`}>{o.status.replace('_', ' ')}</span>{' '}
                <a href={`/questions/${o.question_id}#indicator-${o.indicator_id}`}>
                  {o.indicator_title}
                </a>
                {o.retracted_id ? <span class="badge"> evidence retracted</span> : null}
                <br />
                <span class="meta">
                  as of {day(o.observed_at)} · logged {day(o.recorded_at)} · {o.question_title}
                </span>
              </li>
            ))}
          </ul>
        </section>
      </div>
    </>
  );
}
