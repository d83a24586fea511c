import type { Child } from 'hono/jsx';
import { wordsFor } from '../domain/words.js';

/** What a form was submitted with, and the problems found, by field name. */
export interface FormState {
  values: Record<string, string>;
  errors: Record<string, string[]>;
}

export const emptyForm = (values: Record<string, string> = {}): FormState => ({
  values,
  errors: {},
});

const idOf = (name: string) => `f-${name}`;

interface FieldProps {
  name: string;
  label: string;
  form: FormState;
  hint?: string;
  required?: boolean;
}

/** The attributes that tie a control to its label, hint and error. */
function controlAttributes({ name, form, hint, required }: FieldProps) {
  const errors = form.errors[name];
  const described = [hint ? `${idOf(name)}-hint` : '', errors ? `${idOf(name)}-error` : '']
    .filter(Boolean)
    .join(' ');
  return {
    id: idOf(name),
    name,
    required: required || undefined,
    'aria-invalid': errors ? 'true' : undefined,
    'aria-describedby': described || undefined,
  };
}

/** A labelled control with its hint and, after a failed submit, its error next to it. */
function Field(props: FieldProps & { children: Child }) {
  const errors = props.form.errors[props.name];
  return (
    <div class="field">
      <label for={idOf(props.name)}>
        {props.label}
        {props.required ? <span aria-hidden="true"> *</span> : null}
      </label>
      {props.hint ? (
        <span class="hint" id={`${idOf(props.name)}-hint`}>
          {props.hint}
        </span>
      ) : null}
      {props.children}
      {errors ? (
        <span class="field-error" id={`${idOf(props.name)}-error`} role="alert">
          {errors.join('; ')}
        </span>
      ) : null}
    </div>
  );
}

export function TextField(
  props: FieldProps & {
    type?: 'text' | 'url' | 'date' | 'number' | 'password';
    step?: string;
    autocomplete?: string;
  },
) {
  return (
    <Field {...props}>
      <input
        type={props.type ?? 'text'}
        step={props.step}
        autocomplete={props.autocomplete}
        // A password is never sent back into a page.
        value={props.type === 'password' ? '' : (props.form.values[props.name] ?? '')}
        {...controlAttributes(props)}
      />
    </Field>
  );
}

export function TextArea(props: FieldProps) {
  return (
    <Field {...props}>
      <textarea {...controlAttributes(props)}>{props.form.values[props.name] ?? ''}</textarea>
    </Field>
  );
}

export function SelectField(
  props: FieldProps & { options: readonly (readonly [string, string])[] },
) {
  const current = props.form.values[props.name] ?? '';
  return (
    <Field {...props}>
      <select {...controlAttributes(props)}>
        {props.options.map(([value, label]) => (
          <option value={value} selected={value === current}>
            {label}
          </option>
        ))}
      </select>
    </Field>
  );
}

/**
 * A probability in percent with its ICD 203 words; the page's script adds a slider and keeps the
 * words current as the number changes.
 */
export function ProbabilityField(props: FieldProps) {
  const value = props.form.values[props.name] ?? '';
  const p = Number(value);
  const words = value !== '' && p > 0 && p < 100 ? wordsFor(p / 100) : '';
  return (
    <Field {...props}>
      <span class="probability-input">
        <input
          type="number"
          min="0.1"
          max="99.9"
          step="0.1"
          inputmode="decimal"
          value={value}
          data-probability
          {...controlAttributes(props)}
        />
        <span aria-hidden="true">%</span>
        <input
          type="range"
          min="1"
          max="99"
          step="1"
          value={value || '50'}
          hidden
          aria-label={`${props.label} (slider)`}
          tabindex={-1}
        />
        <output class="words" for={idOf(props.name)} aria-live="polite">
          {words}
        </output>
      </span>
    </Field>
  );
}

/** Problems that belong to no one field (a conflict, a rule across fields). */
export function FormErrors({ form }: { form: FormState }) {
  const general = form.errors[''];
  if (!general) return null;
  return (
    <div class="banner error" role="alert">
      {general.map((m) => (
        <p>{m}</p>
      ))}
    </div>
  );
}
