import type { z } from '@hono/zod-openapi';
import { type FieldProblem, zodProblems } from '../../errors.js';

/**
 * A page's query parameters, parsed with `schema` after dropping empty ones (a GET form sends
 * every field). A bad parameter does not cost the reader the page: it is dropped, reported, and
 * the rest applies.
 */
export function pageQuery<S extends z.ZodType>(
  schema: S,
  raw: Record<string, string>,
): { query: z.infer<S>; problems: FieldProblem[]; values: Record<string, string> } {
  const values = Object.fromEntries(
    Object.entries(raw)
      .filter(([, v]) => v.trim() !== '')
      .map(([k, v]) => [k, INSTANT_PARAMS.has(k) ? localAsUtc(v) : v]),
  );
  const parsed = schema.safeParse(values);
  if (parsed.success) return { query: parsed.data, problems: [], values };
  const problems = zodProblems(parsed.error, 'query');
  const bad = new Set(parsed.error.issues.map((i) => String(i.path[0])));
  const kept = Object.fromEntries(Object.entries(values).filter(([k]) => !bad.has(k)));
  return { query: schema.parse(kept), problems, values: kept };
}

/** Parameters a datetime-local picker fills. */
const INSTANT_PARAMS = new Set(['as_of', 'since']);

const LOCAL_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/;

/** A datetime-local picker's value (no offset) read as UTC, as the picker's label says. */
function localAsUtc(value: string): string {
  if (!LOCAL_DATE_TIME.test(value)) return value;
  return value.length === 16 ? `${value}:00Z` : `${value}Z`;
}

/** This page's URL with some parameters changed; undefined removes one. */
export function linkWith(path: string, values: Record<string, string>) {
  return (changes: Record<string, string | undefined>) => {
    const params = new URLSearchParams(values);
    for (const [k, v] of Object.entries(changes)) {
      if (v === undefined) params.delete(k);
      else params.set(k, v);
    }
    const search = params.toString();
    return search ? `${path}?${search}` : path;
  };
}
