import type { Context } from 'hono';
import type { Db } from '../../db/database.js';
import type { AppEnv } from '../../http/env.js';
import { apiRoute, createJsonRouter, problemResponses } from '../../http/router.js';
import {
  ProbabilitiesImageQuerySchema,
  QuestionChartParamsSchema,
  ScoresImageQuerySchema,
  TimelineImageQuerySchema,
} from '../../schemas/charts.js';
import {
  type ChartImage,
  calibrationImage,
  probabilitiesImage,
  scoresImage,
  timelineImage,
} from '../../services/chart-images.js';

const imageResponse = {
  description: 'The chart as PNG (format=png) or SVG (format=svg)',
  content: {
    'image/png': { schema: { type: 'string' as const, format: 'binary' } },
    'image/svg+xml': { schema: { type: 'string' as const } },
  },
};

const image = {
  tags: ['charts'],
  responses: { 200: imageResponse, ...problemResponses(400, 404) },
};

const timeline = apiRoute({
  ...image,
  method: 'get',
  path: '/questions/{id}/charts/timeline',
  summary:
    "A question's timeline as an image: chosen hypotheses and series, a date range, short " +
    'labels on the largest moves',
  request: { params: QuestionChartParamsSchema, query: TimelineImageQuerySchema },
});
const probabilities = apiRoute({
  ...image,
  method: 'get',
  path: '/questions/{id}/charts/probabilities',
  summary: 'Current probabilities (model and analysts) as bars over the ICD 203 bands',
  request: { params: QuestionChartParamsSchema, query: ProbabilitiesImageQuerySchema },
});
const calibration = apiRoute({
  ...image,
  method: 'get',
  path: '/charts/calibration',
  permission: 'scores.read',
  summary: 'The calibration chart of the scores the filters select (the filters of /api/scores)',
  request: { query: ScoresImageQuerySchema },
});
const scores = apiRoute({
  ...image,
  method: 'get',
  path: '/charts/scores',
  permission: 'scores.read',
  summary:
    'The score table as a chart: Brier per forecaster with n and skill (the filters of /api/scores)',
  request: { query: ScoresImageQuerySchema },
});

function send(c: Context<AppEnv>, image: ChartImage) {
  return c.body(image.bytes as Uint8Array<ArrayBuffer>, 200, {
    'Content-Type': image.contentType,
    'Content-Disposition': `inline; filename="${image.filename}"`,
  });
}

export function chartRoutes(db: Db) {
  return createJsonRouter()
    .openapi(timeline, async (c) =>
      send(c, await timelineImage(db, c.req.valid('param').id, c.req.valid('query'), c.var.actor)),
    )
    .openapi(probabilities, async (c) =>
      send(
        c,
        await probabilitiesImage(db, c.req.valid('param').id, c.req.valid('query'), c.var.actor),
      ),
    )
    .openapi(calibration, async (c) => send(c, await calibrationImage(db, c.req.valid('query'))))
    .openapi(scores, async (c) => send(c, await scoresImage(db, c.req.valid('query'))));
}
