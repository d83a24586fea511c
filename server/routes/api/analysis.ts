import { z } from '@hono/zod-openapi';
import type { Db } from '../../db/database.js';
import { apiRoute, createJsonRouter, jsonResponse, problemResponses } from '../../http/router.js';
import { AsOfQuerySchema, asOfInstant, IdSchema } from '../../schemas/common.js';
import { MatrixSchema } from '../../schemas/matrix.js';
import { TimelineSchema } from '../../schemas/timeline.js';
import { readMatrix } from '../../services/matrix.js';
import { readTimeline } from '../../services/timeline.js';

const params = z.object({ id: IdSchema });

const TimelineQuerySchema = AsOfQuerySchema.extend({
  max_points: z.coerce
    .number({ message: 'must be a whole number' })
    .int('must be a whole number')
    .min(8, 'must be at least 8')
    .max(100_000, 'must be at most 100000')
    .optional()
    .openapi({
      description:
        'Thin the model series for drawing to about this many points per hypothesis, keeping the ' +
        'first, the last and the lowest and highest in each span of time (their ledger parts are ' +
        'left out); judgments and sources are never thinned',
    }),
});

const getTimeline = apiRoute({
  method: 'get',
  path: '/hypotheses/{id}/timeline',
  tags: ['analysis'],
  summary:
    'The analyst, model and cited-source series, each point with its cause; as known at as_of',
  request: { params, query: TimelineQuerySchema },
  responses: { 200: jsonResponse(TimelineSchema, 'The timeline'), ...problemResponses(400, 404) },
});

const getMatrix = apiRoute({
  method: 'get',
  path: '/questions/{id}/matrix',
  tags: ['analysis'],
  summary: 'The ACH matrix: ratings, inconsistency scores, diagnosticity and sensitivity',
  request: { params, query: AsOfQuerySchema },
  responses: { 200: jsonResponse(MatrixSchema, 'The matrix'), ...problemResponses(400, 404) },
});

export function analysisRoutes(db: Db) {
  return createJsonRouter()
    .openapi(getTimeline, async (c) => {
      const { as_of, max_points } = c.req.valid('query');
      const timeline = await readTimeline(
        db,
        c.req.valid('param').id,
        asOfInstant(as_of),
        c.var.actor,
        max_points,
      );
      return c.json(timeline, 200);
    })
    .openapi(getMatrix, async (c) => {
      const asOf = asOfInstant(c.req.valid('query').as_of);
      return c.json(await readMatrix(db, c.req.valid('param').id, asOf), 200);
    });
}
