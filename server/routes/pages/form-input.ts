import type { z } from '@hono/zod-openapi';
import { AppError, type ErrorCode, type FieldProblem, invalid, zodProblems } from '../../errors.js';
import type { FormState } from '../../views/fields.js';

/**
 * Forms post flat fields named after the JSON paths of the API's inputs ("source.title",
 * "ratings.h_…"). These helpers turn them into the same inputs the API validates, and the API's
 * problems back into errors beside the fields.
 */

/** Non-empty string fields of a submitted form, trimmed. */
export function formValues(body: Record<string, unknown>): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [name, value] of Object.entries(body)) {
    if (typeof value === 'string' && value.trim() !== '') values[name] = value.trim();
  }
  return values;
}

/** Fields named `prefix.<key>`, by key. */
export function fieldsUnder(values: Record<string, string>, prefix: string): [string, string][] {
  return Object.entries(values)
    .filter(
      ([name]) => name.startsWith(`${prefix}.`) && !name.slice(prefix.length + 1).includes('.'),
    )
    .map(([name, value]) => [name.slice(prefix.length + 1), value]);
}

/** A number if the text is one; the text itself otherwise, so validation names the field. */
export function numberOr(value: string | undefined): number | string | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  return Number.isFinite(n) ? n : value;
}

/** A percentage field as the probability the API takes. */
export function fractionOf(value: string | undefined): number | string | undefined {
  const n = numberOr(value);
  return typeof n === 'number' ? n / 100 : n;
}

const PERCENT_MESSAGES: Record<string, string> = {
  'must be greater than 0': 'must be above 0 %',
  'must be less than 1': 'must be below 100 %',
};

/**
 * Problems as errors by form field: the longest known field name the problem's path starts
 * with (after `body.`, through `aliases` for paths the form names differently); the rest go to
 * the form as a whole.
 */
export function fieldErrors(
  problems: readonly FieldProblem[],
  known: ReadonlySet<string>,
  {
    aliases = {},
    percent = new Set<string>(),
  }: {
    aliases?: Record<string, string>;
    percent?: ReadonlySet<string>;
  } = {},
): Record<string, string[]> {
  const errors: Record<string, string[]> = {};
  for (const problem of problems) {
    let parts = problem.path.replace(/^body\.?/, '').split('.');
    const aliased = aliases[parts.slice(0, 2).join('.')];
    if (aliased) parts = [...aliased.split('.'), ...parts.slice(2)];
    let field = '';
    for (let n = parts.length; n > 0; n--) {
      const candidate = parts.slice(0, n).join('.');
      if (known.has(candidate)) {
        field = candidate;
        break;
      }
    }
    const message = percent.has(field)
      ? (PERCENT_MESSAGES[problem.message] ?? problem.message)
      : problem.message;
    const text =
      field === '' && problem.path && !problem.path.startsWith('path')
        ? `${problem.path.replace(/^body\./, '')}: ${message}`
        : message;
    errors[field] = [...(errors[field] ?? []), text];
  }
  return errors;
}

/** Parses with the API's own schema; a failure is the same 400 the API would give. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw invalid(zodProblems(parsed.error, 'body'));
  return parsed.data;
}

/** The refusals a form shows beside its fields; any other error goes to the error page. */
const FORM_STATUS: Partial<Record<ErrorCode, 400 | 404 | 409>> = {
  invalid_request: 400,
  not_found: 404,
  conflict: 409,
};

/**
 * Runs a form's action: its result, or — for a request the service refused (4xx) — the form
 * state to render again, with the input kept and each problem beside its field.
 */
export async function submitForm<T>(
  values: Record<string, string>,
  mapErrors: (problems: FieldProblem[]) => Record<string, string[]>,
  action: () => Promise<T>,
): Promise<{ ok: true; result: T } | { ok: false; form: FormState; status: 400 | 404 | 409 }> {
  try {
    return { ok: true, result: await action() };
  } catch (error) {
    const status = error instanceof AppError ? FORM_STATUS[error.code] : undefined;
    if (!status || !(error instanceof AppError)) throw error;
    const problems = error.problems.length
      ? error.problems
      : [{ path: '', message: error.message }];
    return { ok: false, form: { values, errors: mapErrors(problems) }, status };
  }
}
