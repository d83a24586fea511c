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
import {
  JudgmentInputSchema,
  JudgmentViewSchema,
  SetJudgmentInputSchema,
  SetJudgmentViewSchema,
} from '../../schemas/judgments.js';
import { recordJudgment, recordSetJudgment } from '../../services/judgments.js';

const params = z.object({ id: IdSchema });

const postJudgment = apiRoute({
  method: 'post',
  path: '/hypotheses/{id}/assessments',
  permission: 'judgment.write',
  tags: ['judgments'],
  summary: "Record an analyst's judgment: probability and rationale, optionally backdated",
  request: { params, body: jsonBody(JudgmentInputSchema) },
  responses: {
    201: jsonResponse(JudgmentViewSchema, 'The judgment, with its words of estimative probability'),
    ...problemResponses(400, 404, 409),
  },
});

const postSetJudgment = apiRoute({
  method: 'post',
  path: '/questions/{id}/assessments',
  permission: 'judgment.write',
  tags: ['judgments'],
  summary: "Record a judgment on an exclusive question's whole set, summing to 1",
  request: { params, body: jsonBody(SetJudgmentInputSchema) },
  responses: {
    201: jsonResponse(SetJudgmentViewSchema, 'The judgments, one per hypothesis, sharing a set id'),
    ...problemResponses(400, 404, 409),
  },
});

export function judgmentRoutes(db: Db) {
  return createJsonRouter()
    .openapi(postJudgment, async (c) => {
      const judgment = await recordJudgment(
        db,
        c.var.actor,
        c.req.valid('param').id,
        c.req.valid('json'),
      );
      return c.json(judgment, 201);
    })
    .openapi(postSetJudgment, async (c) => {
      const set = await recordSetJudgment(
        db,
        c.var.actor,
        c.req.valid('param').id,
        c.req.valid('json'),
      );
      return c.json(set, 201);
    });
}
