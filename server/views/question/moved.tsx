import { colorAt } from '../../../web/charts/colors.js';
import { wordsFor } from '../../domain/words.js';
import type { QuestionView } from '../../schemas/views.js';
import type { EvidenceEffects } from '../../services/question-page.js';
import { DataTable } from '../data-table.js';
import { direction, pct, points } from '../format.js';

/**
 * What the evidence just logged moved, and why: per hypothesis the model before and after it
 * (at its place in valid time), the rating and the grade weight, and each indicator it reported.
 */
export function MovedPanel({
  effects,
  question,
}: {
  effects: EvidenceEffects;
  question: QuestionView;
}) {
  const position = new Map(question.hypotheses.map((h, i) => [h.id, i]));
  const lines = [...effects.lines].sort(
    (a, b) => Math.abs(b.p_after - b.p_before) - Math.abs(a.p_after - a.p_before),
  );
  const indicatorTitle = (id: string | undefined) =>
    question.indicators.find((i) => i.id === id)?.title ?? id;
  return (
    <section class="banner" id="moved" aria-labelledby="moved-title" tabindex={-1}>
      <h2 id="moved-title" style="margin-top:0">
        Logged: {effects.evidence.title}
      </h2>
      <p class="meta">
        Grade {effects.evidence.grade} ({effects.evidence.grade_labels.reliability};{' '}
        {effects.evidence.grade_labels.credibility}), weight w ={' '}
        {effects.evidence.weight.toFixed(2)}, happened {effects.evidence.occurred_on}.
      </p>
      {lines.length === 0 ? (
        <p>
          It moved nothing: no hypothesis was rated (or all were NA) and no indicator it reported
          updates the model.
        </p>
      ) : (
        <DataTable
          label="What moved"
          columns={[
            { label: 'Hypothesis' },
            { label: 'Before', num: true },
            { label: 'After', num: true },
            { label: 'Change', num: true },
            { label: 'Why' },
          ]}
        >
          {lines.map((line) => {
            const i = position.get(line.hypothesis_id) ?? 0;
            const delta = line.p_after - line.p_before;
            return (
              <tr>
                <th scope="row">
                  <span class="swatch" style={`background:${colorAt(i)}`} />
                  {question.hypotheses[i]?.title}
                </th>
                <td class="num">
                  {pct(line.p_before)} <span class="words">{wordsFor(line.p_before)}</span>
                </td>
                <td class="num">
                  {pct(line.p_after)} <span class="words">{wordsFor(line.p_after)}</span>
                </td>
                <td class={`num ${direction(delta) ?? ''}`}>{points(delta)}</td>
                <td>
                  {line.parts.map((p) =>
                    p.kind === 'rating' ? (
                      <div>
                        rated <span class={`rating rating-${p.rating}`}>{p.rating}</span>: L ={' '}
                        {p.likelihood.toFixed(2)}, tempered by w = {p.weight.toFixed(2)}
                      </div>
                    ) : (
                      <div>
                        indicator “{indicatorTitle(p.indicator_id)}” {p.status}: read as{' '}
                        <span class={`rating rating-${p.rating}`}>{p.rating}</span>, w ={' '}
                        {p.weight.toFixed(2)}
                      </div>
                    ),
                  )}
                  {line.factor !== null ? (
                    <div class="meta">
                      factor {line.factor.toFixed(3)}
                      {question.kind === 'exclusive'
                        ? ', renormalised over the set'
                        : ' on the odds'}
                    </div>
                  ) : (
                    <div class="meta">renormalisation after the others moved</div>
                  )}
                </td>
              </tr>
            );
          })}
        </DataTable>
      )}
    </section>
  );
}
