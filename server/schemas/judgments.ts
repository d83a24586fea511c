import { z } from '@hono/zod-openapi';
import { IdSchema, PastInstantSchema, ProbabilitySchema, text } from './common.js';

// A judgment made elsewhere may be backdated, never dated ahead.
const EffectiveAtSchema = PastInstantSchema.openapi({
  description:
    'The time the judgment speaks for (valid time), to record one made elsewhere; defaults to now',
});

const rationale = text(4000).openapi({ description: 'Why: the reasoning behind the number' });

export const JudgmentInputSchema = z
  .object({ probability: ProbabilitySchema, rationale, effective_at: EffectiveAtSchema.optional() })
  .openapi('JudgmentInput');
export type JudgmentInput = z.infer<typeof JudgmentInputSchema>;

/** The largest distance from 1 a set judgment's sum may have. */
export const SET_SUM_TOLERANCE = 0.001;

export const SetJudgmentInputSchema = z
  .object({
    probabilities: z.record(IdSchema, ProbabilitySchema).openapi({
      description: 'Every open hypothesis of the exclusive question, by id, summing to 1 (±0.001)',
    }),
    rationale,
    effective_at: EffectiveAtSchema.optional(),
  })
  .openapi('SetJudgmentInput');
export type SetJudgmentInput = z.infer<typeof SetJudgmentInputSchema>;

export const JudgmentViewSchema = z
  .object({
    id: z.string(),
    hypothesis_id: z.string(),
    probability: z.number(),
    words: z.string().openapi({ description: 'ICD 203 words for the probability' }),
    rationale: z.string(),
    set_id: z.string().nullable(),
    valid_at: z.string(),
    recorded_at: z.string(),
    recorded_by: z.string(),
  })
  .openapi('Judgment');
export type JudgmentView = z.infer<typeof JudgmentViewSchema>;

export const SetJudgmentViewSchema = z
  .object({ set_id: z.string(), question_id: z.string(), judgments: z.array(JudgmentViewSchema) })
  .openapi('SetJudgment');
