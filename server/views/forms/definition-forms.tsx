import { colorAt } from '../../../web/charts/colors.js';
import { EXPECTATIONS } from '../../domain/indicators.js';
import type { QuestionView } from '../../schemas/views.js';
import {
  FormErrors,
  type FormState,
  ProbabilityField,
  SelectField,
  TextArea,
  TextField,
} from '../fields.js';
import { CsrfField } from '../viewer.js';

const EXPECTATION_OPTIONS = [
  ['', 'Choose…'],
  ...EXPECTATIONS.map(
    (e) =>
      [
        e,
        {
          HL: 'HL — highly likely',
          L: 'L — likely',
          C: 'C — could',
          U: 'U — unlikely',
          HU: 'HU — highly unlikely',
        }[e],
      ] as const,
  ),
] as const;

export function QuestionForm({ form }: { form: FormState }) {
  return (
    <form method="post" action="/questions/new" class="stack" novalidate>
      <CsrfField />
      <FormErrors form={form} />
      <TextField
        name="title"
        label="Key question"
        form={form}
        required
        hint="e.g. What becomes of ISIS after the fall of the caliphate?"
      />
      <TextArea name="description" label="Description" form={form} />
      <SelectField
        name="kind"
        label="Kind"
        form={form}
        required
        options={[
          ['', 'Choose…'],
          ['exclusive', 'Exclusive — one hypothesis is true; probabilities sum to 100 %'],
          ['independent', 'Independent — each hypothesis is its own yes/no forecast'],
        ]}
      />
      <TextField name="tags" label="Tags" form={form} hint="Comma-separated, e.g. isis, iraq" />
      <div>
        <button type="submit">Create question</button>
      </div>
    </form>
  );
}

export function HypothesisForm({ question, form }: { question: QuestionView; form: FormState }) {
  return (
    <form
      method="post"
      action={`/questions/${question.id}/hypotheses/new`}
      class="stack"
      novalidate
    >
      <CsrfField />
      <FormErrors form={form} />
      <TextField name="title" label="Title" form={form} required />
      <TextArea
        name="statement"
        label="Statement"
        form={form}
        required
        hint="What will be true, stated so a reviewer can resolve it without asking."
      />
      <TextField
        name="horizon"
        label="Horizon"
        type="date"
        form={form}
        required
        hint="The date by which the statement is judged."
      />
      <TextField
        name="opened_at"
        label="Opened on"
        type="date"
        form={form}
        hint="Leave empty for today; an earlier date records a hypothesis tracked since then."
      />
      <TextArea name="resolution_criteria" label="Resolution criteria" form={form} required />
      <ProbabilityField
        name="prior"
        label="Prior"
        form={form}
        required
        hint={
          question.kind === 'exclusive'
            ? 'Normalised with the other priors so the set sums to 100 %.'
            : 'Where the model starts.'
        }
      />
      <TextArea name="rationale" label="Why this prior and horizon" form={form} />
      <div>
        <button type="submit">Add hypothesis</button>
      </div>
    </form>
  );
}

export function IndicatorForm({ question, form }: { question: QuestionView; form: FormState }) {
  return (
    <form
      method="post"
      action={`/questions/${question.id}/indicators/new`}
      class="stack"
      novalidate
    >
      <CsrfField />
      <FormErrors form={form} />
      <TextField name="title" label="Title" form={form} required />
      <TextArea name="description" label="Description" form={form} />
      <TextField
        name="threshold"
        label="Threshold"
        form={form}
        hint="What counts as the indicator firing."
      />
      <TextField
        name="expected_by"
        label="Expected by"
        type="date"
        form={form}
        hint="If it has not fired by then, it can be marked expired."
      />
      <fieldset>
        <legend>How likely is this indicator if each hypothesis is true?</legend>
        <div class="grid-fields">
          {question.hypotheses.map((h, i) => (
            <div>
              <span class="swatch" style={`background:${colorAt(i)}`} aria-hidden="true" />
              <SelectField
                name={`expectations.${h.id}`}
                label={h.title}
                form={form}
                required
                options={EXPECTATION_OPTIONS}
              />
            </div>
          ))}
        </div>
      </fieldset>
      <div>
        <button type="submit">Add indicator</button>
      </div>
    </form>
  );
}
