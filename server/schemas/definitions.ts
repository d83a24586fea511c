import { z } from '@hono/zod-openapi';
import { EXPECTATIONS } from '../domain/indicators.js';
import { QUESTION_KINDS } from '../domain/questions.js';
import { DateSchema, IdSchema, InstantSchema, ProbabilitySchema, text } from './common.js';

/**
 * What defines a question set: the same fields in API requests and scenario files (which add
 * keys and citations, see scenario-file.ts).
 */
export const QuestionKindSchema = z.enum(QUESTION_KINDS).openapi({
  description:
    'exclusive: mutually exclusive and exhaustive hypotheses whose probabilities sum to 1; ' +
    'independent: each hypothesis is its own yes/no forecast',
});
export const ExpectationSchema = z.enum(EXPECTATIONS).openapi({
  description:
    'How likely the indicator is if the hypothesis is true: HL highly likely, L likely, C could, U unlikely, HU highly unlikely',
});

const TagSchema = z
  .string()
  .trim()
  .toLowerCase()
  .min(1, 'must not be empty')
  .max(40, 'must be at most 40 characters');

export const NOT_A_HYPOTHESIS = 'is not a hypothesis of this question';
export const NOT_AN_INDICATOR = 'is not an indicator of this question';
export const MISSING_EXPECTATION =
  'missing: an indicator is rated against every hypothesis of its question';

export const hypothesisFields = {
  title: text(200),
  statement: text(4000).openapi({
    description: 'What will be true, stated so a reviewer can resolve it without asking',
  }),
  horizon: DateSchema.openapi({ description: 'The date by which the statement is judged' }),
  resolution_criteria: text(4000),
  prior: ProbabilitySchema.openapi({
    description: 'For an exclusive question, normalised over the set',
  }),
  opened_at: InstantSchema.optional().openapi({
    description: 'When the hypothesis opened (valid time); defaults to now',
  }),
  rationale: text(4000).optional().openapi({
    description: 'Why this horizon and this prior: the analytic judgment behind the numbers',
  }),
};

export const indicatorFields = {
  title: text(200),
  description: z.string().trim().max(4000).default(''),
  threshold: text(1000).optional().openapi({ description: 'What counts as the indicator firing' }),
  expected_by: DateSchema.optional().openapi({
    description: 'If it has not fired by then, it can be marked EXPIRED',
  }),
};

export const questionFields = {
  title: text(300),
  description: z.string().trim().max(10000).default(''),
  kind: QuestionKindSchema,
  tags: z.array(TagSchema).max(20).default([]),
};

export const HypothesisInputSchema = z.object(hypothesisFields).openapi('HypothesisInput');

/**
 * What may change in a hypothesis's wording and horizon. Its prior and opening stay as recorded:
 * the model and the scores start from them.
 */
export const HypothesisChangeSchema = z
  .object({
    title: hypothesisFields.title.optional(),
    statement: hypothesisFields.statement.optional(),
    horizon: hypothesisFields.horizon.optional(),
    resolution_criteria: hypothesisFields.resolution_criteria.optional(),
    rationale: text(4000).nullable().optional().openapi({
      description: 'Why this horizon and prior; null clears it',
    }),
  })
  .strict()
  .refine((change) => Object.keys(change).length > 0, { message: 'names nothing to change' })
  .openapi('HypothesisChange');
export type HypothesisChange = z.infer<typeof HypothesisChangeSchema>;
export type HypothesisInput = z.infer<typeof HypothesisInputSchema>;

export const IndicatorInputSchema = z
  .object({
    ...indicatorFields,
    expectations: z.record(IdSchema, ExpectationSchema).openapi({
      description: "The expectation under every one of the question's hypotheses, by hypothesis id",
      example: { h_aaaaaaaaaaaaaaaa: 'HL', h_bbbbbbbbbbbbbbbb: 'U' },
    }),
  })
  .openapi('IndicatorInput');
export type IndicatorInput = z.infer<typeof IndicatorInputSchema>;

export const QuestionInputSchema = z
  .object({
    ...questionFields,
    hypotheses: z.array(HypothesisInputSchema).max(50).default([]).openapi({
      description: "Optional: the question's hypotheses, created with it in one transaction",
    }),
  })
  .openapi('QuestionInput');
export type QuestionInput = z.infer<typeof QuestionInputSchema>;
