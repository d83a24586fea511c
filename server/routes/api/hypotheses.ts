import { z } from '@hono/zod-openapi';
import type { Db } from '../../db/database.js';
import {
  apiRoute,
  createJsonRouter,
  jsonBody,
  jsonResponse,
  problemResponses,
} from '../../http/router.js';
import { IdSchema } from '../../schemas/common.js';
import { HypothesisInputSchema } from '../../schemas/definitions.js';
import { HypothesisViewSchema } from '../../schemas/views.js';
import { addHypothesis } from '../../services/question-definitions.js';

const postHypothesis = apiRoute({
  method: 'post',
  path: '/questions/{id}/hypotheses',
  permission: 'question.write',
  tags: ['hypotheses'],
  summary: "Add a hypothesis; an exclusive question's priors are normalised over the set",
  request: { params: z.object({ id: IdSchema }), body: jsonBody(HypothesisInputSchema) },
  responses: {
    201: jsonResponse(HypothesisViewSchema, 'The new hypothesis'),
    ...problemResponses(400, 404),
  },
});

export function hypothesisRoutes(db: Db) {
  return createJsonRouter().openapi(postHypothesis, async (c) => {
    const { id } = c.req.valid('param');
    return c.json(await addHypothesis(db, c.var.actor, id, c.req.valid('json')), 201);
  });
}
