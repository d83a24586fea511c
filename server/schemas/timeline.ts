import { z } from '@hono/zod-openapi';
import { RatingSchema } from './evidence.js';

const CauseSchema = z.object({
  type: z.enum([
    'prior',
    'evidence',
    'observation',
    'retraction',
    'resolution',
    'judgment',
    'citation',
  ]),
  id: z.string(),
  title: z.string().nullable(),
});

const LedgerSchema = z.object({
  before: z.number(),
  rating: RatingSchema.nullable(),
  weight: z.number().nullable(),
  factor: z.number().nullable(),
  parts: z.array(z.record(z.string(), z.unknown())),
});

export const TimelinePointSchema = z
  .object({
    series: z.enum(['analyst', 'model', 'source']),
    probability: z.number(),
    words: z.string(),
    valid_at: z.string(),
    recorded_at: z.string(),
    cause: CauseSchema,
    forecaster: z.string().nullable().openapi({
      description: 'The analyst (user id) or the cited author; null for the model',
    }),
    rationale: z.string().nullable(),
    ledger: LedgerSchema.nullable().openapi({
      description: 'Model points: the update that made the step',
    }),
  })
  .openapi('TimelinePoint');
export type TimelinePoint = z.infer<typeof TimelinePointSchema>;

export const TimelineSchema = z
  .object({
    hypothesis_id: z.string(),
    question_id: z.string(),
    points: z.array(TimelinePointSchema),
    as_of: z.string().nullable(),
    method: z.literal('signpost-v1'),
  })
  .openapi('Timeline');
