import { z } from '@hono/zod-openapi';
import { CITATION_STANCES } from '../domain/citations.js';
import { INDICATOR_STATUSES } from '../domain/indicators.js';
import { OUTCOMES } from '../domain/questions.js';
import { ExpectationSchema, QuestionKindSchema } from './definitions.js';

/** Response shapes (PRODUCT.md "Response shapes other tools rely on"; more fields are welcome). */

export const SourceViewSchema = z
  .object({
    id: z.string(),
    key: z.string().nullable(),
    title: z.string(),
    author: z.string().nullable(),
    publisher: z.string().nullable(),
    url: z.string().nullable(),
    document: z.string().nullable(),
    published_on: z.string().nullable(),
    date_note: z.string().nullable().openapi({
      description: 'How published_on was established when the source does not state it',
    }),
  })
  .openapi('Source');

export const CitationViewSchema = z
  .object({
    id: z.string(),
    source: SourceViewSchema,
    quote: z.string(),
    words: z.string().nullable().openapi({ description: "The author's own words of likelihood" }),
    reading: z.string().nullable().openapi({ description: 'The ICD 203 phrase they were read as' }),
    probability: z.number().nullable().openapi({ description: 'Their numeric reading' }),
    probability_reason: z.string().nullable(),
    stance: z.enum(CITATION_STANCES).openapi({
      description: 'Whether the quote argues for the hypothesis or against it',
    }),
    published_on: z.string().nullable(),
  })
  .openapi('Citation');

const JudgmentSchema = z.object({
  probability: z.number(),
  words: z.string().openapi({ description: 'ICD 203 words for the probability' }),
  valid_at: z.string(),
  recorded_at: z.string(),
});

export const HypothesisViewSchema = z
  .object({
    id: z.string(),
    key: z.string().nullable(),
    question_id: z.string(),
    title: z.string(),
    statement: z.string(),
    horizon: z.string(),
    resolution_criteria: z.string(),
    prior: z.number().openapi({
      description: 'Where the model starts: as stated, or normalised over an exclusive set',
    }),
    stated_prior: z.number(),
    opened_at: z.string(),
    rationale: z.string().nullable().openapi({
      description: 'Why this horizon and prior: the analytic judgment behind them',
    }),
    current: z.object({
      analyst: z.number().nullable().openapi({
        description:
          'The team view (see team.method); null until a judgment exists, or while blind mode hides it',
      }),
      model: z.number(),
      analyst_words: z.string().nullable(),
      model_words: z.string(),
      analyst_judgment: JudgmentSchema.nullable().openapi({
        description: 'The latest standing judgment of any analyst',
      }),
      team: z
        .object({
          probability: z.number(),
          words: z.string(),
          method: z.string(),
          n: z.number().int().openapi({ description: 'How many analysts it aggregates' }),
        })
        .nullable(),
      analysts: z
        .array(
          JudgmentSchema.extend({
            analyst_id: z.string(),
            username: z.string(),
            display_name: z.string(),
          }),
        )
        .openapi({ description: "Each analyst's standing judgment: their own series" }),
      hidden_by_blind_mode: z.boolean().openapi({
        description:
          "True when the question is blind and the reader has not yet judged it: others' judgments are left out",
      }),
    }),
    status: z.enum(['open', 'resolved']),
    resolution: z.object({ outcome: z.enum(OUTCOMES), resolved_at: z.string() }).nullable(),
    citations: z.array(CitationViewSchema),
    recorded_at: z.string(),
    recorded_by: z.string(),
  })
  .openapi('Hypothesis');
export type HypothesisView = z.infer<typeof HypothesisViewSchema>;

export const IndicatorViewSchema = z
  .object({
    id: z.string(),
    key: z.string().nullable(),
    question_id: z.string(),
    title: z.string(),
    description: z.string(),
    threshold: z.string().nullable(),
    expected_by: z.string().nullable(),
    status: z.enum(INDICATOR_STATUSES),
    status_changed_at: z.string().nullable().openapi({
      description: 'The valid time of the latest report of the status',
    }),
    status_evidence_id: z.string().nullable().openapi({
      description: 'The evidence that reported it; null for a status set by an analyst alone',
    }),
    expectations: z.record(z.string(), ExpectationSchema).openapi({
      description: 'By hypothesis id',
    }),
    diagnosticity: z.object({
      spread: z.number().int(),
      class: z.enum(['keep', 'weak', 'non_diagnostic']),
    }),
    citations: z.array(CitationViewSchema),
    recorded_at: z.string(),
    recorded_by: z.string(),
  })
  .openapi('Indicator');
export type IndicatorView = z.infer<typeof IndicatorViewSchema>;

export const QuestionViewSchema = z
  .object({
    id: z.string(),
    key: z.string().nullable(),
    title: z.string(),
    description: z.string(),
    kind: QuestionKindSchema,
    tags: z.array(z.string()),
    blind: z.boolean().openapi({
      description:
        "Blind mode: forecasters see others' judgments only once they have judged the question",
    }),
    hypotheses: z.array(HypothesisViewSchema),
    indicators: z.array(IndicatorViewSchema),
    counts: z.object({
      hypotheses: z.number().int(),
      open_hypotheses: z.number().int(),
      indicators: z.number().int(),
      evidence: z.number().int(),
      retracted_evidence: z.number().int(),
    }),
    recorded_at: z.string(),
    recorded_by: z.string(),
    as_of: z.string().nullable().openapi({ description: 'The recorded time answered for' }),
    method: z.literal('signpost-v1'),
  })
  .openapi('Question');
export type QuestionView = z.infer<typeof QuestionViewSchema>;

export const QuestionListSchema = z
  .object({ questions: z.array(QuestionViewSchema), as_of: z.string().nullable() })
  .openapi('QuestionList');
