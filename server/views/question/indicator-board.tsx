import { colorAt } from '../../../web/charts/colors.js';
import type { QuestionView } from '../../schemas/views.js';
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
    <section class="table-wrap" aria-label="Indicator board" tabindex={0}>
      <table class="wide">
        <thead>
          <tr>
            <th scope="col">Indicator</th>
            <th scope="col">Status</th>
            <th scope="col">Last change</th>
            <th scope="col">Diagnosticity</th>
            {question.hypotheses.map((h, i) => (
              <th scope="col" title={h.title}>
                <span class="swatch" style={`background:${colorAt(i)}`} />H{i + 1}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
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
        </tbody>
      </table>
      <p class="meta" style="padding: 0 0.6rem">
        Expectation if the hypothesis is true: HL highly likely, L likely, C could, U unlikely, HU
        highly unlikely. Diagnostic: spread ≥ 3; weak: 2; not diagnostic: ≤ 1 (METHODS §4).
      </p>
    </section>
  );
}
