import type { ResolutionView } from '../../schemas/resolutions.js';
import { FormErrors, type FormState, SelectField, TextArea, TextField } from '../fields.js';
import { day } from '../format.js';
import { CsrfField } from '../viewer.js';

const OUTCOME_CHOICES = [
  ['', 'Choose…'],
  ['true', 'True: it happened'],
  ['false', 'False: it did not'],
  ['annulled', 'Annulled: the question stopped making sense (not scored)'],
] as const;

/**
 * Resolve a hypothesis: the outcome, when it became known, how, and the evidence that settled it.
 * A resolved hypothesis is re-resolved only with a reason; the old resolution is kept.
 */
export function ResolutionForm({
  action,
  form,
  exclusive,
  standing,
  evidence,
}: {
  action: string;
  form: FormState;
  exclusive: boolean;
  standing: ResolutionView | undefined;
  evidence: readonly { id: string; title: string; occurred_on: string }[];
}) {
  return (
    <form method="post" action={action} class="stack" novalidate>
      <CsrfField />
      <FormErrors form={form} />
      {standing ? (
        <p class="banner" role="status">
          Resolved {standing.outcome} on {day(standing.resolved_at)}. A new resolution supersedes
          it; the old one stays in the history.
        </p>
      ) : null}
      {exclusive ? (
        <p class="meta">
          The question's hypotheses are exclusive: resolving this one true resolves the others
          false, in the same step.
        </p>
      ) : null}
      <SelectField name="outcome" label="Outcome" form={form} required options={OUTCOME_CHOICES} />
      <TextField
        name="resolved_at"
        label="Outcome known on"
        type="date"
        form={form}
        required
        hint="When the outcome became known; it may be in the past, not before the hypothesis opened. Forecasts before this day are scored."
      />
      <TextArea
        name="note"
        label="How it was established"
        form={form}
        required
        hint="The reporting or judgment that settles it."
      />
      <SelectField
        name="evidence_id"
        label="Settling evidence"
        form={form}
        options={[
          ['', 'None'],
          ...evidence.map((e) => [e.id, `${e.occurred_on} · ${e.title}`] as const),
        ]}
        hint="Optional: an item of this question's evidence log."
      />
      {standing ? (
        <TextArea
          name="supersede_reason"
          label="Why this supersedes the standing resolution"
          form={form}
          required
        />
      ) : null}
      <div>
        <button type="submit">Resolve</button>
      </div>
    </form>
  );
}
