import { z } from '@hono/zod-openapi';
import { RELEVANCES } from '../domain/grading.js';
import { QuestionKindSchema } from './definitions.js';
import { RatingSchema } from './evidence.js';

/** The orders the matrix's rows can be read in. */
export const MATRIX_SORTS = ['order', 'diagnosticity', 'sensitivity', 'date', 'grade'] as const;
export type MatrixSort = (typeof MATRIX_SORTS)[number];

const ByHypothesis = z.record(z.string(), z.number());

export const MatrixSchema = z
  .object({
    question_id: z.string(),
    kind: QuestionKindSchema,
    hypotheses: z.array(
      z.object({
        id: z.string(),
        title: z.string(),
        inconsistency: z
          .number()
          .openapi({ description: 'IS = Σ v(r), v(I) = 1, v(II) = 2; lower is stronger' }),
        weighted_inconsistency: z.number().openapi({
          description: 'WIS = Σ v(r) · w(credibility) · w(relevance), weights √2, 1, 1/√2',
        }),
        rank: z
          .number()
          .int()
          .openapi({ description: '1 = least weighted inconsistency (ties share)' }),
        model: z.number(),
      }),
    ),
    top: z.array(z.string()).openapi({ description: 'The top-ranked hypotheses' }),
    rows: z.array(
      z.object({
        evidence_id: z.string(),
        title: z.string(),
        occurred_on: z.string(),
        recorded_at: z.string(),
        grade: z.string(),
        credibility_class: z.enum(['high', 'medium', 'low']),
        relevance: z.enum(RELEVANCES),
        ratings: z.record(z.string(), RatingSchema).openapi({ description: 'Absent: not rated' }),
        diagnosticity: z.number().int().openapi({
          description:
            'max − min of CC −2 … II +2 over the rated hypotheses, NA excluded; 0 is not diagnostic',
        }),
        sensitivity: z.object({
          changes_top: z
            .boolean()
            .openapi({ description: 'Removing this row changes the top-ranked hypotheses' }),
          top_without: z.array(z.string()),
          model_without: ByHypothesis.openapi({
            description: "The model's probabilities with this item's factors divided out",
          }),
          model_shift: ByHypothesis.openapi({
            description: 'model_without − model, per hypothesis',
          }),
        }),
      }),
    ),
    standing_rows: z.number().int().openapi({
      description: 'How many evidence rows stand (not retracted); rows lists them all',
    }),
    retracted_excluded: z.number().int(),
    as_of: z.string().nullable(),
    method: z.literal('signpost-v1'),
  })
  .openapi('Matrix');
export type Matrix = z.infer<typeof MatrixSchema>;
