import { z } from '@hono/zod-openapi';
import { AsOfQuerySchema, DateSchema, IdSchema } from './common.js';
import { listOf, ScoresQuerySchema } from './scores.js';

/** Device pixels a rendered image may have on a side: a large slide at 4×, not a poster. */
const MAX_DEVICE_PIXELS = 8000;

const dimension = (min: number, max: number, fallback: number) =>
  z.coerce
    .number({ message: 'must be a number of pixels' })
    .int('must be a whole number of pixels')
    .min(min, `must be at least ${min}`)
    .max(max, `must be at most ${max}`)
    .default(fallback);

/** How an image is drawn: format, size, scale, title; `as_of` also sets the "data as of" footer. */
const ImageQueryFields = AsOfQuerySchema.extend({
  format: z
    .enum(['png', 'svg'])
    .default('png')
    .openapi({ description: 'PNG, or SVG with text as paths' }),
  width: dimension(320, 4000, 1200).openapi({ description: 'CSS pixels' }),
  height: dimension(200, 3000, 600).openapi({ description: 'CSS pixels' }),
  scale: z.coerce
    .number({ message: 'must be a number' })
    .min(1, 'must be at least 1')
    .max(4, 'must be at most 4')
    .default(2)
    .openapi({ description: 'Device pixels per CSS pixel of a PNG: 2 or 3 for high-DPI slides' }),
  title: z.string().trim().max(200, 'must be at most 200 characters').optional().openapi({
    description: 'The title drawn above the chart; empty for none; default names the chart',
  }),
});

/** A PNG's size in device pixels stays bounded whatever the scale. */
function boundedPixels(
  q: { format: 'png' | 'svg'; width: number; height: number; scale: number },
  ctx: z.RefinementCtx,
) {
  for (const side of ['width', 'height'] as const) {
    if (q.format === 'png' && q[side] * q.scale > MAX_DEVICE_PIXELS) {
      ctx.addIssue({
        code: 'custom',
        path: [side],
        message: `times scale must be at most ${MAX_DEVICE_PIXELS} device pixels`,
      });
    }
  }
}
export type ImageQuery = z.infer<typeof ImageQueryFields>;

export const TIMELINE_SERIES = ['model', 'analyst', 'source'] as const;

export const TimelineImageQuerySchema = ImageQueryFields.extend({
  hypothesis: listOf(IdSchema).openapi({ description: 'Only these hypotheses (default: all)' }),
  series: listOf(z.enum(TIMELINE_SERIES, { message: 'must be model, analyst or source' })).openapi({
    description: 'Which series to draw: model, analyst, source (default: all three)',
  }),
  from: DateSchema.optional().openapi({ description: 'The axis starts on this day' }),
  to: DateSchema.optional().openapi({ description: 'The axis ends on this day' }),
  labels: z.coerce
    .number({ message: 'must be a number' })
    .int('must be a whole number')
    .min(0, 'must be at least 0')
    .max(30, 'must be at most 30')
    .default(6)
    .openapi({ description: "Short labels beside the markers of the model's largest moves" }),
}).superRefine(boundedPixels);
export type TimelineImageQuery = z.infer<typeof TimelineImageQuerySchema>;

export const ProbabilitiesImageQuerySchema = ImageQueryFields.extend({
  hypothesis: listOf(IdSchema).openapi({ description: 'Only these hypotheses (default: all)' }),
}).superRefine(boundedPixels);
export type ProbabilitiesImageQuery = z.infer<typeof ProbabilitiesImageQuerySchema>;

export const ScoresImageQuerySchema = ImageQueryFields.extend(
  ScoresQuerySchema.omit({ as_of: true }).shape,
).superRefine(boundedPixels);
export type ScoresImageQuery = z.infer<typeof ScoresImageQuerySchema>;

export const QuestionChartParamsSchema = z.object({ id: IdSchema });
