import { colorAt } from '../../../web/charts/colors.js';
import { TEAM_METHOD } from '../../domain/team.js';
import type { QuestionView } from '../../schemas/views.js';
import { DataTable } from '../data-table.js';
import { day, pct } from '../format.js';
import { Probability } from '../probability.js';
import { useCan } from '../viewer.js';

/** The current assessments: model beside analyst for every hypothesis, with the prior. */
export function AssessmentsTable({ question }: { question: QuestionView }) {
  const canReview = useCan('scores.read');
  return (
    <DataTable
      label="Current assessments"
      columns={[
        { label: 'Hypothesis' },
        { label: 'Horizon' },
        { label: 'Prior', num: true },
        { label: 'Model', num: true },
        { label: 'Team', num: true, title: TEAM_METHOD },
        { label: 'Each analyst' },
      ]}
    >
      {question.hypotheses.map((h, i) => (
        <tr>
          <th scope="row">
            <span class="swatch" style={`background:${colorAt(i)}`} />
            <a href={`/hypotheses/${h.id}`}>{h.title}</a>
            {h.resolution ? (
              <a class="badge" href={canReview ? `/review/hypotheses/${h.id}` : undefined}>
                resolved {h.resolution.outcome}, {day(h.resolution.resolved_at)}
              </a>
            ) : null}
          </th>
          <td>{h.horizon}</td>
          <td class="num">{pct(h.prior)}</td>
          <td class="num">
            <Probability value={h.current.model} words={h.current.model_words} />
          </td>
          <td class="num">
            <Probability value={h.current.analyst} words={h.current.analyst_words} />
            {h.current.team ? (
              <span class="meta">
                <br />
                median of {h.current.team.n}
              </span>
            ) : null}
          </td>
          <td>
            {h.current.hidden_by_blind_mode ? (
              <span class="meta">hidden until you judge (blind mode)</span>
            ) : (
              h.current.analysts.map((a) => (
                <span class="analyst-judgment" title={`${a.words}, for ${day(a.valid_at)}`}>
                  {a.display_name} {pct(a.probability)}
                </span>
              ))
            )}
          </td>
        </tr>
      ))}
    </DataTable>
  );
}
