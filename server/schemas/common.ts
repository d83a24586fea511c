import { z } from '@hono/zod-openapi';
import { ID_PATTERN } from '../ids.js';

export const IdSchema = z.string().regex(ID_PATTERN, 'is not a Signpost id');
export const DateSchema = z.iso.date({ message: 'must be a date, YYYY-MM-DD' });
export const DateTimeSchema = z.iso.datetime({
  offset: true,
  message: 'must be an ISO 8601 date-time with offset',
});
/** A date-time, or a date meaning midnight UTC at its start. */
export const InstantSchema = z.union([DateTimeSchema, DateSchema], {
  message: 'must be a date (YYYY-MM-DD) or an ISO 8601 date-time with offset',
});
// A time dated ahead of the clock is a mistake; a minute's grace absorbs clock skew between the
// client and the server.
const SKEW_MS = 60_000;

/** An instant that has already happened: a backdated judgment or a resolution's date. */
export const PastInstantSchema = InstantSchema.refine(
  (value) => startOf(value).getTime() <= Date.now() + SKEW_MS,
  { message: 'must not be in the future' },
);

export const ProbabilitySchema = z
  .number({ message: 'must be a number' })
  .gt(0, 'must be greater than 0')
  .lt(1, 'must be less than 1');
export const KeySchema = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be lowercase letters and digits joined by hyphens');

export const text = (max: number) =>
  z
    .string({ error: (issue) => (issue.input === undefined ? 'is required' : 'must be text') })
    .trim()
    .min(1, 'must not be empty')
    .max(max, `must be at most ${max} characters`)
    .refine((value) => !value.includes('\u0000'), 'must not contain NUL characters');

export const AsOfQuerySchema = z.object({
  as_of: InstantSchema.optional().openapi({
    description:
      'Recorded time: answer with what Signpost knew then. A date means the end of that day (UTC).',
    example: '2018-06-30T12:00:00Z',
  }),
});

/** A start instant: a date is midnight UTC at its start. */
export function startOf(value: string): Date {
  return new Date(value.length === 10 ? `${value}T00:00:00Z` : value);
}

/** The UTC calendar day of an instant, YYYY-MM-DD. */
export function dayOf(instant: Date): string {
  return instant.toISOString().slice(0, 10);
}

/** An `as_of` instant: a date includes the whole day, so it is the last millisecond of it. */
export function asOfInstant(value: string | undefined): Date | undefined {
  if (value === undefined) return undefined;
  return new Date(value.length === 10 ? `${value}T23:59:59.999Z` : value);
}
