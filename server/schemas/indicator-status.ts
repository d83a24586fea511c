import { z } from '@hono/zod-openapi';
import { INDICATOR_STATUSES, STATUSES_WITHOUT_EVIDENCE } from '../domain/indicators.js';
import { CurrentChangeSchema, PastDateSchema } from './evidence.js';
import { IndicatorViewSchema } from './views.js';

export const StatusInputSchema = z
  .object({
    status: z.enum(INDICATOR_STATUSES).refine((s) => STATUSES_WITHOUT_EVIDENCE.includes(s), {
      message:
        'OBSERVED and EMERGING are reported with the evidence that shows them (observations in POST /api/questions/{id}/evidence)',
    }),
    observed_on: PastDateSchema.optional().openapi({
      description: 'The day the status took effect (valid time); defaults to today (UTC)',
    }),
    note: z.string().trim().min(1, 'must say why').max(2000),
  })
  .openapi('IndicatorStatusInput');
export type StatusInput = z.infer<typeof StatusInputSchema>;

export const StatusChangeSchema = z
  .object({
    observation: z.object({
      id: z.string(),
      status: z.enum(INDICATOR_STATUSES),
      observed_on: z.string(),
      note: z.string(),
      recorded_at: z.string(),
      recorded_by: z.string(),
    }),
    indicator: IndicatorViewSchema,
    current: z.array(CurrentChangeSchema),
    method: z.literal('signpost-v1'),
  })
  .openapi('IndicatorStatusChange');

export const IndicatorHistorySchema = z
  .object({
    indicator_id: z.string(),
    changes: z.array(
      z.object({
        id: z.string(),
        status: z.enum(INDICATOR_STATUSES),
        observed_on: z.string(),
        evidence: z.object({ id: z.string(), title: z.string() }).nullable(),
        note: z.string(),
        retracted: z
          .boolean()
          .openapi({ description: 'Its evidence was retracted: it no longer counts' }),
        recorded_at: z.string(),
        recorded_by: z.string(),
      }),
    ),
    as_of: z.string().nullable(),
  })
  .openapi('IndicatorHistory');
