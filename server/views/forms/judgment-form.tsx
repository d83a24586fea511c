import { colorAt } from '../../../web/charts/colors.js';
import type { HypothesisView } from '../../schemas/views.js';
import {
  FormErrors,
  type FormState,
  ProbabilityField,
  SelectField,
  TextArea,
  TextField,
} from '../fields.js';
import { pct } from '../format.js';
import { CsrfField } from '../viewer.js';

/** What every judgment carries besides its numbers: the rationale, the time it speaks for. */
function JudgmentReasons({ form, hint }: { form: FormState; hint: string }) {
  return (
    <>
      <TextArea name="rationale" label="Rationale" form={form} required hint={hint} />
      <TextField
        name="effective_at"
        label="Judgment as of"
        type="date"
        form={form}
        hint="Leave empty for now; a past date records a judgment made then."
      />
      <div>
        <button type="submit">Record judgment</button>
      </div>
    </>
  );
}

/** One hypothesis's judgment: probability in percent with its words, rationale required. */
export function JudgmentForm({
  action,
  form,
  choices,
}: {
  action: string;
  form: FormState;
  /** For a question's form: which hypothesis. */
  choices?: readonly HypothesisView[];
}) {
  return (
    <form method="post" action={action} class="stack" novalidate>
      <CsrfField />
      <FormErrors form={form} />
      {choices ? (
        <SelectField
          name="hypothesis"
          label="Hypothesis"
          form={form}
          required
          options={[['', 'Choose…'], ...choices.map((h) => [h.id, h.title] as const)]}
        />
      ) : null}
      <ProbabilityField
        name="probability"
        label="Probability"
        form={form}
        required
        hint="In percent; the words of estimative probability (ICD 203) follow the number."
      />
      <JudgmentReasons form={form} hint="Why this number: the evidence and reasoning behind it." />
    </form>
  );
}

/** An exclusive set's judgment: every open hypothesis (of `hypotheses`, all the question's), summing to 100 %. */
export function SetJudgmentForm({
  action,
  form,
  hypotheses,
}: {
  action: string;
  form: FormState;
  hypotheses: readonly HypothesisView[];
}) {
  const errors = form.errors.probabilities;
  return (
    <form method="post" action={action} class="stack" novalidate>
      <CsrfField />
      <FormErrors form={form} />
      <fieldset aria-describedby="sum-note">
        <legend>Probabilities (percent), one per open hypothesis</legend>
        <div class="grid-fields">
          {hypotheses.map((h, i) =>
            h.status !== 'open' ? null : (
              <div>
                <span class="swatch" style={`background:${colorAt(i)}`} />
                <ProbabilityField
                  name={`probabilities.${h.id}`}
                  label={h.title}
                  form={form}
                  required
                  hint={`Model now ${pct(h.current.model)}`}
                />
              </div>
            ),
          )}
        </div>
        <p id="sum-note" class="meta">
          Sum: <output data-sum-of="probabilities.">{''}</output> (must be 100 %, ± 0.1)
        </p>
        {errors ? (
          <p class="field-error" role="alert">
            {errors.join('; ')}
          </p>
        ) : null}
      </fieldset>
      <JudgmentReasons
        form={form}
        hint="Why these numbers: the evidence and reasoning behind them."
      />
    </form>
  );
}
