import { colorAt } from '../../../web/charts/colors.js';
import {
  CREDIBILITIES,
  CREDIBILITY_LABELS,
  RELEVANCES,
  RELIABILITIES,
  RELIABILITY_LABELS,
} from '../../domain/grading.js';
import { INDICATOR_STATUSES } from '../../domain/indicators.js';
import type { QuestionView } from '../../schemas/views.js';
import { FormErrors, type FormState, SelectField, TextArea, TextField } from '../fields.js';
import { CsrfField } from '../viewer.js';

const RATING_OPTIONS = [
  ['', 'Not rated'],
  ['CC', 'CC — very consistent'],
  ['C', 'C — consistent'],
  ['N', 'N — neutral'],
  ['I', 'I — inconsistent'],
  ['II', 'II — very inconsistent'],
  ['NA', 'NA — not applicable'],
] as const;

/**
 * Log evidence: what happened and when, its source and Admiralty grade, a consistency rating
 * per hypothesis (optionally with an explicit likelihood ratio), and indicator observations.
 */
export function EvidenceForm({ question, form }: { question: QuestionView; form: FormState }) {
  return (
    <form method="post" action={`/questions/${question.id}/evidence/new`} class="stack" novalidate>
      <CsrfField />
      <FormErrors form={form} />
      <TextField name="title" label="What happened" form={form} required />
      <TextArea name="summary" label="Summary" form={form} />
      <div class="grid-fields">
        <TextField
          name="occurred_on"
          label="Happened on"
          type="date"
          form={form}
          required
          hint="The valid time: when it happened, not when you learned it."
        />
        <SelectField
          name="relevance"
          label="Relevance"
          form={form}
          options={RELEVANCES.map((r) => [r, r] as const)}
        />
      </div>
      <fieldset>
        <legend>Source</legend>
        <div class="grid-fields">
          <TextField name="source.title" label="Source title" form={form} />
          <TextField name="source.url" label="Source URL" type="url" form={form} />
        </div>
      </fieldset>
      <fieldset>
        <legend>Admiralty grade</legend>
        <div class="grid-fields">
          <SelectField
            name="reliability"
            label="Source reliability"
            form={form}
            required
            options={[
              ['', 'Choose…'],
              ...RELIABILITIES.map((r) => [r, `${r} — ${RELIABILITY_LABELS[r]}`] as const),
            ]}
          />
          <SelectField
            name="credibility"
            label="Information credibility"
            form={form}
            required
            options={[
              ['', 'Choose…'],
              ...CREDIBILITIES.map((c) => [String(c), `${c} — ${CREDIBILITY_LABELS[c]}`] as const),
            ]}
          />
        </div>
      </fieldset>
      <fieldset>
        <legend>If each hypothesis were true, how likely is this evidence?</legend>
        {question.hypotheses.map((h, i) =>
          h.status !== 'open' ? null : (
            <div class="grid-fields">
              <SelectField
                name={`ratings.${h.id}`}
                label={`H${i + 1} ${h.title}`}
                form={form}
                options={RATING_OPTIONS}
              />
              <TextField
                name={`ratings.${h.id}.likelihood_ratio`}
                label="Explicit likelihood ratio (optional)"
                type="number"
                step="any"
                form={form}
                hint="Replaces the rating's default (CC 4, C 2, I ½, II ¼); must point the same way."
              />
              <span class="swatch" style={`background:${colorAt(i)}`} aria-hidden="true" />
            </div>
          ),
        )}
      </fieldset>
      {question.indicators.length > 0 ? (
        <fieldset>
          <legend>Indicators this evidence shows</legend>
          <div class="grid-fields">
            {question.indicators.map((indicator) => (
              <SelectField
                name={`observations.${indicator.id}`}
                label={indicator.title}
                form={form}
                hint={`Now ${indicator.status.replace('_', ' ')}`}
                options={[
                  ['', 'No change'],
                  ...INDICATOR_STATUSES.map((s) => [s, s.replace('_', ' ')] as const),
                ]}
              />
            ))}
          </div>
        </fieldset>
      ) : null}
      <div>
        <button type="submit">Log evidence</button>
      </div>
    </form>
  );
}
