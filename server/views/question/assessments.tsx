import { colorAt } from '../../../web/charts/colors.js';
import type { QuestionView } from '../../schemas/views.js';
import { DataTable } from '../data-table.js';
import { day, pct } from '../format.js';
import { Probability } from '../probability.js';

/** The current assessments: model beside analyst for every hypothesis, with the prior. */
export function AssessmentsTable({ question }: { question: QuestionView }) {
  return (
    <DataTable
      label="Current assessments"
      columns={[
        { label: 'Hypothesis' },
        { label: 'Horizon' },
        { label: 'Prior', num: true },
        { label: 'Model', num: true },
        { label: 'Analyst', num: true },
      ]}
    >
      {question.hypotheses.map((h, i) => (
        <tr>
          <th scope="row">
            <span class="swatch" style={`background:${colorAt(i)}`} />
            <a href={`/hypotheses/${h.id}`}>{h.title}</a>
            {h.resolution ? (
              <a class="badge" href={`/review/hypotheses/${h.id}`}>
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
            {h.current.analyst_judgment ? (
              <span class="meta">
                <br />
                for {day(h.current.analyst_judgment.valid_at)}
              </span>
            ) : null}
          </td>
        </tr>
      ))}
    </DataTable>
  );
}
