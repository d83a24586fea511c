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
import { HypothesisChangeSchema, HypothesisInputSchema } from '../../schemas/definitions.js';
import { HypothesisViewSchema } from '../../schemas/views.js';
import { changeHypothesis, readHypothesis } from '../../services/hypothesis-edits.js';
import { quotedTag } from '../../services/preconditions.js';
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

const tagged = (description: string) => ({
  ...jsonResponse(HypothesisViewSchema, description),
  headers: z.object({
    ETag: z.string().openapi({
      description: "The version of the hypothesis's definition; send it as If-Match to change it",
    }),
  }),
});

const getHypothesis = apiRoute({
  method: 'get',
  path: '/hypotheses/{id}',
  tags: ['hypotheses'],
  summary: 'One hypothesis with its current probabilities, and its ETag for a conditional edit',
  request: { params: z.object({ id: IdSchema }) },
  responses: { 200: tagged('The hypothesis'), ...problemResponses(404) },
});

const patchHypothesis = apiRoute({
  method: 'patch',
  path: '/hypotheses/{id}',
  permission: 'question.write',
  tags: ['hypotheses'],
  summary: 'Reword a hypothesis or move its horizon, if nobody changed it since you read it',
  description:
    'Send If-Match with the ETag from GET /api/hypotheses/{id}. A stale ETag is refused with 409 ' +
    'and the current one, so concurrent editors never overwrite each other; no If-Match is 428.',
  request: {
    params: z.object({ id: IdSchema }),
    headers: z.object({
      'if-match': z.string().optional().openapi({ description: 'The ETag you last read' }),
    }),
    body: jsonBody(HypothesisChangeSchema),
  },
  responses: { 200: tagged('The hypothesis as changed'), ...problemResponses(400, 404, 409, 428) },
});

export function hypothesisRoutes(db: Db) {
  return createJsonRouter()
    .openapi(postHypothesis, async (c) => {
      const { id } = c.req.valid('param');
      return c.json(await addHypothesis(db, c.var.actor, id, c.req.valid('json')), 201);
    })
    .openapi(getHypothesis, async (c) => {
      const { hypothesis, tag } = await readHypothesis(db, c.req.valid('param').id, c.var.actor);
      return c.json(hypothesis, 200, { ETag: quotedTag(tag) });
    })
    .openapi(patchHypothesis, async (c) => {
      const { hypothesis, tag } = await changeHypothesis(
        db,
        c.var.actor,
        c.req.valid('param').id,
        c.req.valid('header')['if-match'],
        c.req.valid('json'),
      );
      return c.json(hypothesis, 200, { ETag: quotedTag(tag) });
    });
}
