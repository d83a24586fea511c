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
import {
  ResolutionHistorySchema,
  ResolutionInputSchema,
  ResolvedSchema,
} from '../../schemas/resolutions.js';
import { readResolutions, resolveHypothesis } from '../../services/resolutions.js';

const params = z.object({ id: IdSchema });

const postResolution = apiRoute({
  method: 'post',
  path: '/hypotheses/{id}/resolution',
  permission: 'resolution.write',
  tags: ['review'],
  summary:
    'Resolve a hypothesis true, false or annulled; re-resolving supersedes with a reason. In an ' +
    'exclusive question, resolving one true resolves its siblings false',
  request: { params, body: jsonBody(ResolutionInputSchema) },
  responses: {
    201: jsonResponse(ResolvedSchema, 'The resolution, and the siblings it resolved false'),
    ...problemResponses(400, 404, 409),
  },
});

const getResolutions = apiRoute({
  method: 'get',
  path: '/hypotheses/{id}/resolutions',
  tags: ['review'],
  summary: "A hypothesis's resolutions, newest (standing) first, as known at as_of",
  request: { params, query: AsOfQuerySchema },
  responses: {
    200: jsonResponse(ResolutionHistorySchema, 'The resolutions'),
    ...problemResponses(400, 404),
  },
});

export function resolutionRoutes(db: Db) {
  return createJsonRouter()
    .openapi(postResolution, async (c) => {
      const { id } = c.req.valid('param');
      return c.json(await resolveHypothesis(db, c.var.actor, id, c.req.valid('json')), 201);
    })
    .openapi(getResolutions, async (c) => {
      const asOf = asOfInstant(c.req.valid('query').as_of);
      return c.json(await readResolutions(db, c.req.valid('param').id, asOf), 200);
    });
}
