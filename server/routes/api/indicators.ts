import { z } from '@hono/zod-openapi';
import type { Db } from '../../db/database.js';
import {
  apiRoute,
  createJsonRouter,
  jsonBody,
  jsonResponse,
  problemResponses,
} from '../../http/router.js';
import { AsOfQuerySchema, asOfInstant, IdSchema } from '../../schemas/common.js';
import { IndicatorInputSchema } from '../../schemas/definitions.js';
import {
  IndicatorHistorySchema,
  StatusChangeSchema,
  StatusInputSchema,
} from '../../schemas/indicator-status.js';
import { IndicatorViewSchema } from '../../schemas/views.js';
import { readIndicatorHistory, setIndicatorStatus } from '../../services/indicator-status.js';
import { addIndicator } from '../../services/question-definitions.js';

const params = z.object({ id: IdSchema });

const postIndicator = apiRoute({
  method: 'post',
  path: '/questions/{id}/indicators',
  permission: 'question.write',
  tags: ['indicators'],
  summary: 'Add an indicator with its expectation under every hypothesis of the question',
  request: { params, body: jsonBody(IndicatorInputSchema) },
  responses: {
    201: jsonResponse(IndicatorViewSchema, 'The new indicator'),
    ...problemResponses(400, 404),
  },
});

const postStatus = apiRoute({
  method: 'post',
  path: '/indicators/{id}/status',
  permission: 'evidence.write',
  tags: ['indicators'],
  summary:
    'Set a status without new evidence (EXPIRED once its expected-by date has passed unseen)',
  request: { params, body: jsonBody(StatusInputSchema) },
  responses: {
    201: jsonResponse(StatusChangeSchema, 'The recorded change and the change in the model'),
    ...problemResponses(400, 404, 409),
  },
});

const getHistory = apiRoute({
  method: 'get',
  path: '/indicators/{id}/history',
  tags: ['indicators'],
  summary: "An indicator's status changes with the evidence behind each; as known at as_of",
  request: { params, query: AsOfQuerySchema },
  responses: {
    200: jsonResponse(IndicatorHistorySchema, 'The history'),
    ...problemResponses(400, 404),
  },
});

export function indicatorRoutes(db: Db) {
  return createJsonRouter()
    .openapi(postIndicator, async (c) => {
      const { id } = c.req.valid('param');
      return c.json(await addIndicator(db, c.var.actor, id, c.req.valid('json')), 201);
    })
    .openapi(postStatus, async (c) => {
      const change = await setIndicatorStatus(
        db,
        c.var.actor,
        c.req.valid('param').id,
        c.req.valid('json'),
      );
      return c.json(change, 201);
    })
    .openapi(getHistory, async (c) => {
      const asOf = asOfInstant(c.req.valid('query').as_of);
      return c.json(await readIndicatorHistory(db, c.req.valid('param').id, asOf), 200);
    });
}
