import { createRoute, OpenAPIHono, type RouteConfig, type z } from '@hono/zod-openapi';
import { type Permission, rolesWith } from '../domain/roles.js';
import { invalid, ProblemSchema, zodProblems } from '../errors.js';
import type { AppEnv } from './env.js';
import { allow } from './guards.js';

const WHERE: Record<string, string> = {
  json: 'body',
  query: 'query',
  param: 'path',
  header: 'header',
  form: 'body',
  cookie: 'cookie',
};

/** A router whose validation failures become 400 problem+json naming each field. */
export function createJsonRouter() {
  return new OpenAPIHono<AppEnv>({
    defaultHook: (result) => {
      if (!result.success) {
        throw invalid(zodProblems(result.error, WHERE[result.target] ?? result.target));
      }
    },
  });
}

export function jsonBody<T extends z.ZodType>(schema: T, description?: string) {
  return {
    required: true,
    ...(description ? { description } : {}),
    content: { 'application/json': { schema } },
  };
}

export function jsonResponse<T extends z.ZodType>(schema: T, description: string) {
  return { description, content: { 'application/json': { schema } } };
}

const PROBLEM_DESCRIPTIONS = {
  400: 'Invalid request: the errors name each field and the reason',
  401: 'Not signed in, or the API token is unknown or revoked',
  403: "The caller's role lacks the permission this needs",
  404: 'No such resource',
  409: 'Conflicts with the current state',
  428: 'The write must be conditional: send If-Match with the ETag last read',
} as const;

type ProblemResponse = {
  description: string;
  content: { 'application/problem+json': { schema: typeof ProblemSchema } };
};

/** The documented error responses: the same schema the error handler renders. */
export function problemResponses<S extends keyof typeof PROBLEM_DESCRIPTIONS>(
  ...statuses: S[]
): Record<S, ProblemResponse> {
  const responses = {} as Record<S, ProblemResponse>;
  for (const status of statuses) {
    responses[status] = {
      description: PROBLEM_DESCRIPTIONS[status],
      content: { 'application/problem+json': { schema: ProblemSchema } },
    };
  }
  return responses;
}

/** How API callers authenticate, as the OpenAPI document names them. */
export const SECURITY_SCHEMES = {
  bearer: {
    type: 'http',
    scheme: 'bearer',
    description: 'An API token: Authorization: Bearer sp_…',
  },
  session: {
    type: 'apiKey',
    in: 'cookie',
    name: 'signpost_session',
    description: 'The browser session; writes must also send X-CSRF-Token',
  },
} as const;

/**
 * An API route that checks the caller's permission before anything else (so a role that may
 * not use it gets 403 whatever it sent), documented with its permission, the roles that hold
 * it, how to authenticate, and the 401 and 403 problems. Reads need `read` (any signed-in role).
 */
export function apiRoute<R extends RouteConfig>(config: R & { permission?: Permission }) {
  const { permission = 'read', ...route } = config;
  const roles = rolesWith(permission).join(', ');
  const security: Record<string, string[]>[] = [{ bearer: [] }, { session: [] }];
  return createRoute({
    ...(route as R),
    middleware: [allow(permission)],
    security,
    description: `${route.description ? `${route.description}\n\n` : ''}Permission: ${permission} (roles: ${roles}).`,
    'x-permission': permission,
    responses: { ...route.responses, ...problemResponses(401, 403) },
  });
}
