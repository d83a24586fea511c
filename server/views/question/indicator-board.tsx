import type { QuestionView } from '../../schemas/views.js';
import { DataTable, hypothesisColumns } from '../data-table.js';
import { day } from '../format.js';

const EXPECTATION_WORDS = {
  HL: 'highly likely',
  L: 'likely',
  C: 'could',
  U: 'unlikely',
  HU: 'highly unlikely',
} as const;

const DIAGNOSTICITY_WORDS = { keep: 'diagnostic', weak: 'weak', non_diagnostic: 'not diagnostic' };

/**
 * The indicator board: each signpost's status and its last change, how diagnostic it is, and
 * how likely it is under each hypothesis (the Indicators Validator matrix).
 */
export function IndicatorBoard({ question }: { question: QuestionView }) {
  if (question.indicators.length === 0) return <p class="meta">No indicators yet.</p>;
  return (
    <DataTable
      label="Indicator board"
      columns={[
        { label: 'Indicator' },
        { label: 'Status' },
        { label: 'Last change' },
        { label: 'Diagnosticity' },
        ...hypothesisColumns(question.hypotheses),
      ]}
      caption={
        <>
          Expectation if the hypothesis is true: HL highly likely, L likely, C could, U unlikely, HU
          highly unlikely. Diagnostic: spread ≥ 3; weak: 2; not diagnostic: ≤ 1 (METHODS §4).
        </>
      }
      wide
    >
      {question.indicators.map((indicator) => (
        <tr id={`indicator-${indicator.id}`}>
          <th scope="row">
            {indicator.title}
            {indicator.threshold ? (
              <span class="meta">
                <br />
                Threshold: {indicator.threshold}
              </span>
            ) : null}
            {indicator.expected_by ? (
              <span class="meta">
                <br />
                Expected by {indicator.expected_by}
              </span>
            ) : null}
          </th>
          <td>
            <span class={`status status-${indicator.status}`}>
              {indicator.status.replace('_', ' ')}
            </span>
          </td>
          <td>
            {indicator.status_changed_at ? day(indicator.status_changed_at) : '—'}
            {indicator.status_evidence_id ? (
              <>
                <br />
                <a href={`#evidence-${indicator.status_evidence_id}`}>evidence</a>
              </>
            ) : null}
          </td>
          <td>
            {DIAGNOSTICITY_WORDS[indicator.diagnosticity.class]} (spread{' '}
            {indicator.diagnosticity.spread})
          </td>
          {question.hypotheses.map((h) => {
            const e = indicator.expectations[h.id];
            return (
              <td>
                {e ? (
                  <abbr
                    class={`rating expect-${e}`}
                    title={`${EXPECTATION_WORDS[e]} if “${h.title}”`}
                  >
                    {e}
                  </abbr>
                ) : (
                  '—'
                )}
              </td>
            );
          })}
        </tr>
      ))}
    </DataTable>
  );
}
