import { z } from '@hono/zod-openapi';
import {
  CREDIBILITY_LABELS,
  RELEVANCES,
  RELIABILITIES,
  RELIABILITY_LABELS,
} from '../domain/grading.js';
import { INDICATOR_STATUSES } from '../domain/indicators.js';
import { RATINGS } from '../domain/ratings.js';
import { AsOfQuerySchema, DateSchema, IdSchema, text } from './common.js';

const describeScale = (labels: Record<string | number, string>) =>
  Object.entries(labels)
    .map(([k, v]) => `${k} ${v}`)
    .join('; ');

export const ReliabilitySchema = z
  .enum(RELIABILITIES, { message: 'must be a reliability letter, A to F' })
  .openapi({ description: `Admiralty source reliability: ${describeScale(RELIABILITY_LABELS)}` });

export const CredibilitySchema = z
  .number({ message: 'must be a credibility digit, 1 to 6' })
  .int('must be a credibility digit, 1 to 6')
  .min(1, 'must be a credibility digit, 1 to 6')
  .max(6, 'must be a credibility digit, 1 to 6')
  .openapi({
    description: `Admiralty information credibility: ${describeScale(CREDIBILITY_LABELS)}`,
  });

export const RatingSchema = z.enum(RATINGS, {
  message: 'must be one of CC, C, N, I, II, NA',
});

/** The latest calendar day anywhere on Earth (UTC+14): nothing dated later has happened yet. */
export function latestToday(now = new Date()): string {
  return new Date(now.getTime() + 14 * 3600_000).toISOString().slice(0, 10);
}

export const PastDateSchema = DateSchema.refine((d) => d <= latestToday(), {
  message: 'must not be in the future',
});

const RatingWithRatioSchema = z
  .object({
    rating: RatingSchema,
    likelihood_ratio: z
      .number({ message: 'must be a number' })
      .positive('must be greater than 0')
      .max(1000, 'must be at most 1000')
      .optional(),
  })
  .superRefine((value, ctx) => {
    const lr = value.likelihood_ratio;
    if (lr === undefined) return;
    const problem =
      value.rating === 'NA' || value.rating === 'N'
        ? `${value.rating} takes no likelihood ratio`
        : (value.rating === 'CC' || value.rating === 'C') && lr <= 1
          ? `${value.rating} (consistent) needs a ratio above 1`
          : (value.rating === 'I' || value.rating === 'II') && lr >= 1
            ? `${value.rating} (inconsistent) needs a ratio below 1`
            : undefined;
    if (problem) ctx.addIssue({ code: 'custom', path: ['likelihood_ratio'], message: problem });
  });

export const RatingInputSchema = z.union([RatingSchema, RatingWithRatioSchema]).openapi({
  description:
    'If this hypothesis were true, how likely is this evidence: CC very consistent, C consistent, ' +
    'N neutral, I inconsistent, II very inconsistent, NA not applicable. Or {rating, ' +
    'likelihood_ratio} to replace the rating’s relative likelihood (CC 4, C 2, I 1/2, II 1/4) ' +
    'with an explicit ratio pointing the same way.',
});
export type RatingInputValue = z.infer<typeof RatingInputSchema>;

export const ObservationInputSchema = z.object({
  indicator_id: IdSchema,
  status: z.enum(INDICATOR_STATUSES),
  note: z.string().trim().max(2000).default(''),
});

export const EvidenceInputSchema = z
  .object({
    title: text(300),
    summary: z.string().trim().max(10000).default(''),
    occurred_on: PastDateSchema.openapi({ description: 'When it happened (valid time)' }),
    source: z
      .object({
        title: text(300).optional(),
        url: z.url({ message: 'must be a URL' }).max(2000).optional(),
      })
      .refine((s) => s.title !== undefined || s.url !== undefined, {
        message: 'needs a title or a URL',
      })
      .optional(),
    reliability: ReliabilitySchema,
    credibility: CredibilitySchema,
    relevance: z.enum(RELEVANCES).default('medium'),
    ratings: z.record(IdSchema, RatingInputSchema).default({}).openapi({
      description: 'By hypothesis id; a hypothesis left out is not rated (distinct from NA)',
    }),
    observations: z
      .array(ObservationInputSchema)
      .max(100)
      .default([])
      .superRefine((list, ctx) => {
        const seen = new Set<string>();
        for (const [i, o] of list.entries()) {
          if (seen.has(o.indicator_id)) {
            ctx.addIssue({
              code: 'custom',
              path: [i, 'indicator_id'],
              message: 'is observed twice',
            });
          }
          seen.add(o.indicator_id);
        }
      })
      .openapi({ description: 'Indicator statuses this evidence shows' }),
  })
  .openapi('EvidenceInput');
export type EvidenceInput = z.infer<typeof EvidenceInputSchema>;

export const RetractionInputSchema = z.object({ reason: text(2000) }).openapi('RetractionInput');

const UpdatePartSchema = z.object({
  kind: z.enum(['rating', 'indicator']),
  rating: RatingSchema,
  likelihood: z.number(),
  weight: z.number(),
  indicator_id: z.string().optional(),
  status: z.enum(INDICATOR_STATUSES).optional(),
  expectation: z.string().optional(),
});

/** A ledger line (METHODS §3): what one event did to one hypothesis, and why. */
export const EffectSchema = z
  .object({
    hypothesis_id: z.string(),
    before: z.number(),
    after: z.number(),
    rating: RatingSchema.nullable(),
    weight: z.number().nullable().openapi({ description: 'The grade weight w = w_rel · w_cred' }),
    factor: z.number().nullable().openapi({ description: 'The product of L^w over the parts' }),
    parts: z.array(UpdatePartSchema),
  })
  .openapi('Effect');

export const CurrentChangeSchema = z.object({
  hypothesis_id: z.string(),
  before: z.number(),
  after: z.number(),
  before_words: z.string(),
  after_words: z.string(),
});

export const EvidenceViewSchema = z
  .object({
    id: z.string(),
    question_id: z.string(),
    title: z.string(),
    summary: z.string(),
    occurred_on: z.string(),
    source: z.object({ id: z.string(), title: z.string(), url: z.string().nullable() }).nullable(),
    reliability: ReliabilitySchema,
    credibility: z.number().int(),
    grade: z.string().openapi({ example: 'B2' }),
    grade_labels: z.object({ reliability: z.string(), credibility: z.string() }),
    weight: z.number().openapi({ description: 'The tempering weight of the grade (METHODS §3)' }),
    relevance: z.enum(RELEVANCES),
    ratings: z.record(
      z.string(),
      z.object({ rating: RatingSchema, likelihood_ratio: z.number().nullable() }),
    ),
    observations: z.array(
      z.object({
        id: z.string(),
        indicator_id: z.string(),
        status: z.enum(INDICATOR_STATUSES),
        note: z.string(),
      }),
    ),
    retraction: z
      .object({ reason: z.string(), recorded_at: z.string(), recorded_by: z.string() })
      .nullable(),
    recorded_at: z.string(),
    recorded_by: z.string(),
  })
  .openapi('Evidence');
export type EvidenceView = z.infer<typeof EvidenceViewSchema>;

export const LoggedEvidenceSchema = EvidenceViewSchema.extend({
  effects: z.array(EffectSchema).openapi({
    description:
      'Per hypothesis, where this item stands in valid time: the model before and after it',
  }),
  current: z.array(CurrentChangeSchema).openapi({
    description: 'The current model probabilities before and after logging it',
  }),
  method: z.literal('signpost-v1'),
}).openapi('LoggedEvidence');

export const RetractedEvidenceSchema = z
  .object({
    evidence: EvidenceViewSchema,
    current: z.array(CurrentChangeSchema),
    method: z.literal('signpost-v1'),
  })
  .openapi('RetractedEvidence');

const list = (pattern: RegExp, what: string) =>
  z.string().regex(pattern, `must be ${what}, comma-separated`).optional();

export const EvidenceLogQuerySchema = AsOfQuerySchema.extend({
  cursor: z
    .string()
    .max(200)
    .optional()
    .openapi({ description: 'next_cursor of the previous page' }),
  limit: z.coerce
    .number({ message: 'must be a number' })
    .int('must be a whole number')
    .min(1, 'must be at least 1')
    .max(200, 'must be at most 200')
    .default(50),
  hypothesis: IdSchema.optional().openapi({ description: 'Only evidence rated (not NA) on it' }),
  rating: list(/^(CC|C|N|I|II|NA)(,(CC|C|N|I|II|NA))*$/, 'ratings (CC, C, N, I, II, NA)').openapi({
    description: 'With hypothesis: only these ratings of it',
  }),
  indicator: IdSchema.optional().openapi({ description: 'Only evidence observing it' }),
  reliability: list(/^[A-F](,[A-F])*$/, 'letters A to F'),
  credibility: list(/^[1-6](,[1-6])*$/, 'digits 1 to 6'),
  from: DateSchema.optional().openapi({ description: 'occurred_on on or after' }),
  to: DateSchema.optional().openapi({ description: 'occurred_on on or before' }),
  q: z.string().trim().min(1).max(200).optional().openapi({
    description: 'Words in the title, summary or source title',
  }),
  retracted: z.enum(['include', 'exclude', 'only']).default('include'),
});
export type EvidenceLogQuery = z.infer<typeof EvidenceLogQuerySchema>;

export const EvidenceLogSchema = z
  .object({
    items: z.array(EvidenceViewSchema),
    next_cursor: z.string().nullable(),
    as_of: z.string().nullable(),
  })
  .openapi('EvidenceLog');
