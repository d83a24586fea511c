import type { EvidenceView } from '../../schemas/evidence.js';
import { FormErrors, type FormState, TextArea } from '../fields.js';
import { CsrfField } from '../viewer.js';

/** Retract evidence: it stays in the log, marked, and stops counting from now on. */
export function RetractForm({ evidence, form }: { evidence: EvidenceView; form: FormState }) {
  return (
    <form method="post" action={`/evidence/${evidence.id}/retract`} class="stack" novalidate>
      <CsrfField />
      <FormErrors form={form} />
      <p>
        “{evidence.title}” ({evidence.grade}, happened {evidence.occurred_on}) stays in the log,
        marked retracted; the model is recomputed without it from now on.{' '}
        <a href={`/questions/${evidence.question_id}#evidence-${evidence.id}`}>
          Back to the question
        </a>
      </p>
      <TextArea name="reason" label="Reason" form={form} required />
      <div>
        <button type="submit">Retract</button>
      </div>
    </form>
  );
}
