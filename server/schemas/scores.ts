import { z } from '@hono/zod-openapi';
import { OUTCOMES } from '../domain/questions.js';
import { AsOfQuerySchema, DateSchema, IdSchema } from './common.js';

/** A query value given once, repeated, or comma-separated: always a list. */
export const listOf = <T extends z.ZodType>(item: T) =>
  z
    .preprocess(
      (value) =>
        (Array.isArray(value) ? value : [value]).flatMap((v) =>
          typeof v === 'string'
            ? v
                .split(',')
                .map((s) => s.trim())
                .filter(Boolean)
            : [v],
        ),
      z.array(item),
    )
    .optional();

const FORECASTER_PATTERN = /^(model|analysts|sources|(analyst|source|author):[\w-]{1,120})$/;
const ForecasterSchema = z
  .string()
  .regex(
    FORECASTER_PATTERN,
    'must be model, analysts, sources, analyst:<user id>, source:<source id> or author:<key>',
  );

const REFERENCE_PATTERN = /^(constant|base-rate|prior|model|(analyst|source|author):[\w-]{1,120})$/;

export const ScoresQuerySchema = AsOfQuerySchema.extend({
  question: listOf(IdSchema).openapi({
    description: 'Only these questions (ids; repeat or comma-separate)',
  }),
  hypothesis: listOf(IdSchema).openapi({
    description: 'Only these hypotheses (ids; repeat or comma-separate)',
  }),
  tag: listOf(z.string().min(1).max(80)).openapi({
    description: 'Only questions with any of these tags',
  }),
  forecaster: listOf(ForecasterSchema).openapi({
    description:
      'Whom to score: model, analysts (each analyst), sources (each cited source), ' +
      'analyst:<user id>, source:<source id>, author:<key> (all of one author’s sources as one ' +
      'forecaster). Default: model, analysts and sources',
  }),
  horizon: z.coerce
    .number({ message: 'must be a number of days' })
    .int('must be a whole number of days')
    .min(0, 'must be at least 0')
    .max(3650, 'must be at most 3650')
    .default(0)
    .openapi({
      description:
        'Score the forecast standing this many days before resolution (0: the latest before it)',
    }),
  resolved_from: DateSchema.optional().openapi({ description: 'Resolved on or after this day' }),
  resolved_to: DateSchema.optional().openapi({ description: 'Resolved on or before this day' }),
  reference: z
    .string()
    .regex(
      REFERENCE_PATTERN,
      'must be constant, base-rate, prior, model, analyst:<id>, source:<id> or author:<key>',
    )
    .default('constant')
    .openapi({
      description:
        'The skill score’s reference: constant (0.5), base-rate (the observed frequency of the ' +
        'scored set), prior (each hypothesis’s prior), or another forecaster',
    }),
});
export type ScoresQuery = z.infer<typeof ScoresQuerySchema>;

const nullableNumber = z.number().nullable();

const CalibrationBinSchema = z.object({
  bin: z.number().int(),
  lower: z.number(),
  upper: z.number(),
  count: z.number().int(),
  mean_forecast: nullableNumber,
  observed: nullableNumber,
});

const DecompositionSchema = z.object({
  brier: z.number(),
  reliability: z.number(),
  resolution: z.number(),
  uncertainty: z.number(),
  within_bin_variance: z.number(),
  within_bin_covariance: z.number(),
  residual: z.number(),
});

const ForecasterKindSchema = z.enum(['model', 'analyst', 'source', 'author']);

export const ForecasterScoresSchema = z
  .object({
    forecaster: z.string().openapi({ description: 'The forecaster id, usable as a filter' }),
    kind: ForecasterKindSchema,
    label: z.string(),
    author: z.string().nullable().openapi({ description: 'For a source or an author' }),
    published_on: z.string().nullable().openapi({ description: 'For a source' }),
    author_forecaster: z.string().nullable().openapi({
      description: "For a source: its author's forecaster id, scoring all their cited work",
    }),
    n: z.number().int(),
    brier: nullableNumber,
    brier_original: z.object({ value: z.number(), questions: z.number().int() }).nullable(),
    log: nullableNumber,
    time_averaged_brier: nullableNumber,
    horizons: z.array(
      z.object({ days: z.number().int(), n: z.number().int(), brier: nullableNumber }),
    ),
    skill: z.object({
      reference: z.string(),
      n: z.number().int(),
      brier: nullableNumber,
      reference_brier: nullableNumber,
      value: nullableNumber,
    }),
    calibration: z.array(CalibrationBinSchema),
    ece: nullableNumber,
    decomposition: DecompositionSchema.nullable(),
    over_time: z.array(
      z.object({
        day: z.string(),
        n: z.number().int(),
        brier: z.number(),
        cumulative_n: z.number().int(),
        cumulative_brier: z.number(),
      }),
    ),
  })
  .openapi('ForecasterScores');
export type ForecasterScores = z.infer<typeof ForecasterScoresSchema>;

const ResolvedHypothesisSchema = z.object({
  hypothesis_id: z.string(),
  title: z.string(),
  question_id: z.string(),
  question_title: z.string(),
  outcome: z.enum(OUTCOMES),
  resolved_at: z.string(),
});

const FiltersSchema = z.object({
  question: z.array(z.string()),
  hypothesis: z.array(z.string()),
  tag: z.array(z.string()),
  forecaster: z.array(z.string()),
  horizon: z.number().int(),
  resolved_from: z.string().nullable(),
  resolved_to: z.string().nullable(),
  reference: z.string(),
});

export const ScoreReportSchema = z
  .object({
    forecasters: z.array(ForecasterScoresSchema),
    hypotheses: z.array(ResolvedHypothesisSchema).openapi({
      description:
        'The resolved hypotheses the filters select, annulled ones included (not scored)',
    }),
    filters: FiltersSchema,
    reference: z.object({ id: z.string(), label: z.string() }),
    conventions: z.record(z.string(), z.string()).openapi({
      description: 'The convention behind each figure (METHODS §6)',
    }),
    as_of: z.string().nullable(),
    method: z.literal('signpost-v1'),
  })
  .openapi('ScoreReport');
export type ScoreReport = z.infer<typeof ScoreReportSchema>;

export const ForecastScoreSchema = z
  .object({
    forecaster: z.string(),
    forecaster_label: z.string(),
    question_id: z.string(),
    question_title: z.string(),
    hypothesis_id: z.string(),
    hypothesis_title: z.string(),
    outcome: z.enum(['true', 'false']),
    resolved_at: z.string(),
    forecast_valid_at: z.string(),
    probability: z.number(),
    brier: z.number(),
    log: z.number(),
    time_averaged_brier: nullableNumber,
    brier_365: nullableNumber,
    brier_180: nullableNumber,
    brier_90: nullableNumber,
    brier_30: nullableNumber,
    calibration_bin: z.number().int(),
  })
  .openapi('ForecastScore');
export type ForecastScore = z.infer<typeof ForecastScoreSchema>;

export const ForecastScoresQuerySchema = ScoresQuerySchema.extend({
  format: z.enum(['json', 'csv']).default('json'),
});

export const ForecastScoresSchema = z
  .object({
    forecasts: z.array(ForecastScoreSchema),
    as_of: z.string().nullable(),
    method: z.literal('signpost-v1'),
  })
  .openapi('ForecastScores');
