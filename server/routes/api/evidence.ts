import { z } from '@hono/zod-openapi';
import type { Db } from '../../db/database.js';
import { notFound } from '../../errors.js';
import {
  apiRoute,
  createJsonRouter,
  jsonBody,
  jsonResponse,
  problemResponses,
} from '../../http/router.js';
import { AsOfQuerySchema, asOfInstant, IdSchema } from '../../schemas/common.js';
import {
  EvidenceInputSchema,
  EvidenceLogQuerySchema,
  EvidenceLogSchema,
  EvidenceViewSchema,
  LoggedEvidenceSchema,
  RetractedEvidenceSchema,
  RetractionInputSchema,
} from '../../schemas/evidence.js';
import { logEvidence, retractEvidence } from '../../services/evidence.js';
import { readEvidenceLog } from '../../services/evidence-log.js';
import { readEvidenceViews } from '../../services/evidence-views.js';

const params = z.object({ id: IdSchema });

const postEvidence = apiRoute({
  method: 'post',
  path: '/questions/{id}/evidence',
  permission: 'evidence.write',
  tags: ['evidence'],
  summary: 'Log graded evidence with its ratings and indicator observations; returns what moved',
  request: { params, body: jsonBody(EvidenceInputSchema) },
  responses: {
    201: jsonResponse(
      LoggedEvidenceSchema,
      'The evidence, its ledger lines and the change in the model',
    ),
    ...problemResponses(400, 404, 409),
  },
});

const listEvidence = apiRoute({
  method: 'get',
  path: '/questions/{id}/evidence',
  tags: ['evidence'],
  summary:
    'The evidence log, newest recorded first, paginated by cursor; filters; as known at as_of',
  request: { params, query: EvidenceLogQuerySchema },
  responses: {
    200: jsonResponse(EvidenceLogSchema, 'One page of the log'),
    ...problemResponses(400, 404),
  },
});

const getEvidence = apiRoute({
  method: 'get',
  path: '/evidence/{id}',
  tags: ['evidence'],
  summary: 'One evidence item, as known at as_of',
  request: { params, query: AsOfQuerySchema },
  responses: {
    200: jsonResponse(EvidenceViewSchema, 'The evidence'),
    ...problemResponses(400, 404),
  },
});

const retract = apiRoute({
  method: 'post',
  path: '/evidence/{id}/retract',
  permission: 'evidence.write',
  tags: ['evidence'],
  summary:
    'Retract evidence with a reason: it stays in the log, the model is recomputed without it',
  request: { params, body: jsonBody(RetractionInputSchema) },
  responses: {
    200: jsonResponse(
      RetractedEvidenceSchema,
      'The retracted evidence and the change in the model',
    ),
    ...problemResponses(400, 404, 409),
  },
});

export function evidenceRoutes(db: Db) {
  return createJsonRouter()
    .openapi(postEvidence, async (c) => {
      const logged = await logEvidence(
        db,
        c.var.actor,
        c.req.valid('param').id,
        c.req.valid('json'),
      );
      return c.json(logged, 201);
    })
    .openapi(listEvidence, async (c) => {
      const query = c.req.valid('query');
      const log = await readEvidenceLog(
        db,
        c.req.valid('param').id,
        query,
        asOfInstant(query.as_of),
      );
      return c.json(log, 200);
    })
    .openapi(getEvidence, async (c) => {
      const { id } = c.req.valid('param');
      const [view] = await readEvidenceViews(db, [id], asOfInstant(c.req.valid('query').as_of));
      if (!view) throw notFound('evidence', id);
      return c.json(view, 200);
    })
    .openapi(retract, async (c) => {
      const { reason } = c.req.valid('json');
      return c.json(await retractEvidence(db, c.var.actor, c.req.valid('param').id, reason), 200);
    });
}
