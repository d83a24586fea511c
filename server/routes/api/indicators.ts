import { createRoute, z } from '@hono/zod-openapi';
import type { Db } from '../../db/database.js';
import { createJsonRouter, jsonBody, jsonResponse, problemResponses } from '../../http/router.js';
import { IdSchema } from '../../schemas/common.js';
import { IndicatorInputSchema } from '../../schemas/definitions.js';
import { IndicatorViewSchema } from '../../schemas/views.js';
import { addIndicator } from '../../services/question-definitions.js';

const postIndicator = createRoute({
  method: 'post',
  path: '/questions/{id}/indicators',
  tags: ['indicators'],
  summary: 'Add an indicator with its expectation under every hypothesis of the question',
  request: { params: z.object({ id: IdSchema }), body: jsonBody(IndicatorInputSchema) },
  responses: {
    201: jsonResponse(IndicatorViewSchema, 'The new indicator'),
    ...problemResponses(400, 404),
  },
});

export function indicatorRoutes(db: Db) {
  return createJsonRouter().openapi(postIndicator, async (c) => {
    const { id } = c.req.valid('param');
    return c.json(await addIndicator(db, c.var.actor, id, c.req.valid('json')), 201);
  });
}
