import { z } from '@hono/zod-openapi';
import { OUTCOMES } from '../domain/questions.js';
import { IdSchema, PastInstantSchema, text } from './common.js';

export const ResolutionInputSchema = z
  .object({
    outcome: z.enum(OUTCOMES, { message: 'must be one of true, false, annulled' }).openapi({
      description:
        'annulled: the question stopped making sense; an annulled hypothesis is not scored',
    }),
    resolved_at: PastInstantSchema.openapi({
      description:
        'When the outcome became known (a date means its start, UTC); may be in the past, never ' +
        'before the hypothesis opened. Forecasts with a valid time before it are scored.',
      example: '2019-12-31',
    }),
    note: text(4000).openapi({ description: 'How the outcome was established' }),
    evidence_id: IdSchema.optional().openapi({
      description: "The evidence that settled it: an item of the hypothesis's question",
    }),
    supersede_reason: text(2000).optional().openapi({
      description: 'Required to re-resolve: why the standing resolution is superseded',
    }),
  })
  .openapi('ResolutionInput');
export type ResolutionInput = z.infer<typeof ResolutionInputSchema>;

export const ResolutionViewSchema = z
  .object({
    id: z.string(),
    hypothesis_id: z.string(),
    outcome: z.enum(OUTCOMES),
    resolved_at: z.string(),
    note: z.string(),
    evidence_id: z.string().nullable(),
    supersedes_id: z.string().nullable(),
    reason: z.string().nullable().openapi({ description: 'Why it superseded the one before' }),
    implied_by: z.string().nullable().openapi({
      description: 'The resolution of the sibling resolved true that implied this one',
    }),
    recorded_at: z.string(),
    recorded_by: z.string(),
  })
  .openapi('Resolution');
export type ResolutionView = z.infer<typeof ResolutionViewSchema>;

export const ResolvedSchema = ResolutionViewSchema.extend({
  implied: z.array(ResolutionViewSchema).openapi({
    description: "An exclusive question's siblings resolved false with it, in one transaction",
  }),
}).openapi('Resolved');

export const ResolutionHistorySchema = z
  .object({
    hypothesis_id: z.string(),
    /** Newest first; the first stands. */
    resolutions: z.array(ResolutionViewSchema),
    as_of: z.string().nullable(),
  })
  .openapi('ResolutionHistory');
