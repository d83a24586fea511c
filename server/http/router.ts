import { OpenAPIHono, type z } from '@hono/zod-openapi';
import { invalid, ProblemSchema, zodProblems } from '../errors.js';
import type { AppEnv } from './env.js';

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
  404: 'No such resource',
  409: 'Conflicts with the current state',
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
