import { z } from '@hono/zod-openapi';
import { CITATION_STANCES } from '../domain/citations.js';
import { expectationCoverage } from '../domain/indicators.js';
import { normalisePriors } from '../domain/questions.js';
import { ICD_203_PHRASES } from '../domain/words.js';
import { DateSchema, KeySchema, ProbabilitySchema, text } from './common.js';
import {
  ExpectationSchema,
  hypothesisFields,
  indicatorFields,
  MISSING_EXPECTATION,
  NOT_A_HYPOTHESIS,
  questionFields,
} from './definitions.js';

/** The format of files in scenarios/: question sets with their sources, keyed for re-import. */
export const SCENARIO_FORMAT = 'signpost-scenarios/1';

export const ScenarioSourceSchema = z
  .object({
    key: KeySchema,
    title: text(500),
    author: text(200).optional(),
    publisher: text(200).optional(),
    url: z.url({ message: 'must be a URL' }).optional(),
    document: text(500).optional().openapi({
      description: 'The file name of its text in the source documents folder',
    }),
    published_on: DateSchema.optional(),
    date_note: text(1000).optional().openapi({
      description: 'How published_on was established when the source does not state its date',
    }),
  })
  .refine((s) => s.url || s.document, {
    message: 'needs a url or a document',
    path: ['document'],
  });

const ReadingSchema = z.string().refine((v) => ICD_203_PHRASES.includes(v), {
  message: `must be a phrase of the ICD 203 scale (${ICD_203_PHRASES.join(', ')})`,
});

export const CitationSchema = z
  .object({
    source: KeySchema.openapi({ description: 'The key of a source in this file' }),
    quote: text(4000).openapi({ description: 'Verbatim from the source' }),
    words: text(300).optional().openapi({
      description: "The author's own words of likelihood, verbatim, part of the quote",
    }),
    reading: ReadingSchema.optional().openapi({
      description: 'The ICD 203 phrase the words are read as; its band midpoint is the number',
    }),
    probability: ProbabilitySchema.optional().openapi({
      description: 'An explicit numeric reading, instead of the band midpoint, with a reason',
    }),
    probability_reason: text(1000).optional().openapi({
      description: 'Why the words read as this number (required with an explicit probability)',
    }),
    stance: z.enum(CITATION_STANCES).default('supports').openapi({
      description: 'Whether the quote argues for the hypothesis or against it',
    }),
  })
  .superRefine((c, ctx) => {
    if (c.words && !c.quote.includes(c.words)) {
      ctx.addIssue({ code: 'custom', path: ['words'], message: 'must appear in the quote' });
    }
    if (c.words && c.reading === undefined && c.probability === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['reading'],
        message: 'words of likelihood need a reading or a probability',
      });
    }
    if (!c.words && (c.reading !== undefined || c.probability !== undefined)) {
      ctx.addIssue({
        code: 'custom',
        path: ['words'],
        message: "a reading needs the author's words it reads",
      });
    }
    if (c.probability !== undefined && !c.probability_reason) {
      ctx.addIssue({
        code: 'custom',
        path: ['probability_reason'],
        message: 'an explicit probability needs the reason it departs from the band midpoint',
      });
    }
  });
export type ScenarioCitation = z.infer<typeof CitationSchema>;

const ScenarioHypothesisSchema = z.object({
  key: KeySchema,
  ...hypothesisFields,
  rationale: text(4000).openapi({
    description: 'Why this horizon and prior: the file author’s judgment, stated as such',
  }),
  citations: z.array(CitationSchema).min(1, 'a scenario hypothesis cites the source predicting it'),
});

const ScenarioIndicatorSchema = z.object({
  key: KeySchema,
  ...indicatorFields,
  expectations: z.record(KeySchema, ExpectationSchema),
  citations: z.array(CitationSchema).default([]),
});

export const ScenarioQuestionSchema = z
  .object({
    key: KeySchema,
    ...questionFields,
    hypotheses: z.array(ScenarioHypothesisSchema).min(1, 'needs at least one hypothesis'),
    indicators: z.array(ScenarioIndicatorSchema).default([]),
  })
  .superRefine((q, ctx) => {
    duplicateKeys(q.hypotheses, ['hypotheses'], ctx);
    duplicateKeys(q.indicators, ['indicators'], ctx);
    const hypothesisKeys = q.hypotheses.map((h) => h.key);
    for (const [i, indicator] of q.indicators.entries()) {
      const { unknown, missing } = expectationCoverage(
        hypothesisKeys,
        Object.keys(indicator.expectations),
      );
      for (const key of unknown) {
        ctx.addIssue({
          code: 'custom',
          path: ['indicators', i, 'expectations', key],
          message: NOT_A_HYPOTHESIS,
        });
      }
      for (const key of missing) {
        ctx.addIssue({
          code: 'custom',
          path: ['indicators', i, 'expectations', key],
          message: MISSING_EXPECTATION,
        });
      }
    }
    if (q.kind === 'exclusive') {
      const result = normalisePriors(q.hypotheses.map((h) => h.prior));
      if (!result.ok) {
        ctx.addIssue({
          code: 'custom',
          path: ['hypotheses', result.index, 'prior'],
          message: result.reason,
        });
      }
    }
  });
export type ScenarioQuestion = z.infer<typeof ScenarioQuestionSchema>;

type CitationOwners = {
  hypotheses: readonly { citations: readonly ScenarioCitation[] }[];
  indicators: readonly { citations: readonly ScenarioCitation[] }[];
};

/**
 * Every citation of a file's questions with its path, e.g.
 * `['questions', 0, 'hypotheses', 1, 'citations', 0]`.
 */
export function fileCitations(questions: readonly CitationOwners[]) {
  return questions.flatMap((q, qi) =>
    (['hypotheses', 'indicators'] as const).flatMap((owner) =>
      q[owner].flatMap((item, i) =>
        item.citations.map((citation, ci) => ({
          path: ['questions', qi, owner, i, 'citations', ci] as (string | number)[],
          citation,
        })),
      ),
    ),
  );
}

export const ScenarioFileSchema = z
  .object({
    format: z.literal(SCENARIO_FORMAT, { message: `must be "${SCENARIO_FORMAT}"` }),
    sources: z.array(ScenarioSourceSchema),
    questions: z.array(ScenarioQuestionSchema).min(1, 'needs at least one question'),
  })
  .superRefine((file, ctx) => {
    duplicateKeys(file.sources, ['sources'], ctx);
    duplicateKeys(file.questions, ['questions'], ctx);
    const sources = new Map(file.sources.map((s) => [s.key, s]));
    for (const { path, citation } of fileCitations(file.questions)) {
      const source = sources.get(citation.source);
      if (!source) {
        ctx.addIssue({
          code: 'custom',
          path: [...path, 'source'],
          message: 'is not a source of this file',
        });
      } else if (citation.words && !source.published_on) {
        // The author's forecast is dated at publication; without a date it could not be scored.
        ctx.addIssue({
          code: 'custom',
          path: [...path, 'source'],
          message: 'a citation with words of likelihood needs a source with published_on',
        });
      }
    }
  });
export type ScenarioFile = z.infer<typeof ScenarioFileSchema>;

function duplicateKeys(
  items: readonly { key: string }[],
  path: (string | number)[],
  ctx: z.RefinementCtx,
) {
  const seen = new Set<string>();
  for (const [i, item] of items.entries()) {
    if (seen.has(item.key)) {
      ctx.addIssue({ code: 'custom', path: [...path, i, 'key'], message: 'is used twice' });
    }
    seen.add(item.key);
  }
}
