import { z } from '@hono/zod-openapi';
import type { ZodError } from 'zod';

/** The machine-readable error codes; every failure the API reports carries one. */
export const ErrorCode = z.enum([
  'invalid_request',
  'unauthenticated',
  'forbidden',
  'not_found',
  'conflict',
  'payload_too_large',
  'unsupported_media_type',
  'unprocessable',
  'precondition_required',
  'too_many_requests',
  'unavailable',
  'internal',
]);
export type ErrorCode = z.infer<typeof ErrorCode>;

export const FieldProblemSchema = z
  .object({
    path: z.string().openapi({ example: 'body.prior' }),
    message: z.string().openapi({ example: 'must be greater than 0' }),
  })
  .openapi('FieldProblem');
export type FieldProblem = z.infer<typeof FieldProblemSchema>;

/** RFC 9457 problem details, the body of every error response. */
export const ProblemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    code: ErrorCode,
    detail: z.string(),
    errors: z.array(FieldProblemSchema),
    request_id: z.string().optional(),
  })
  .openapi('Problem');
export type Problem = z.infer<typeof ProblemSchema>;

/** An expected failure: services throw it, the HTTP layer renders it as problem+json. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly problems: FieldProblem[] = [],
    /** For too_many_requests and unavailable: when to try again (sent as Retry-After). */
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export function statusOf(
  code: ErrorCode,
): 400 | 401 | 403 | 404 | 409 | 413 | 415 | 422 | 428 | 429 | 503 | 500 {
  switch (code) {
    case 'invalid_request':
      return 400;
    case 'unauthenticated':
      return 401;
    case 'forbidden':
      return 403;
    case 'not_found':
      return 404;
    case 'conflict':
      return 409;
    case 'payload_too_large':
      return 413;
    case 'unsupported_media_type':
      return 415;
    case 'unprocessable':
      return 422;
    case 'precondition_required':
      return 428;
    case 'too_many_requests':
      return 429;
    case 'unavailable':
      return 503;
    case 'internal':
      return 500;
  }
}

const TITLES: Record<ErrorCode, string> = {
  invalid_request: 'Invalid request',
  unauthenticated: 'Not signed in',
  forbidden: 'Forbidden',
  not_found: 'Not found',
  conflict: 'Conflict',
  payload_too_large: 'Payload too large',
  unsupported_media_type: 'Unsupported media type',
  unprocessable: 'Unprocessable request',
  precondition_required: 'Precondition required',
  too_many_requests: 'Too many requests',
  unavailable: 'Service unavailable',
  internal: 'Internal error',
};

export function toProblem(error: AppError, requestId?: string): Problem {
  return {
    type: `urn:signpost:problem:${error.code}`,
    title: TITLES[error.code],
    status: statusOf(error.code),
    code: error.code,
    detail: error.message,
    errors: error.problems,
    ...(requestId ? { request_id: requestId } : {}),
  };
}

/** Zod issues as field problems, each path prefixed by where the value came from (body, query…). */
export function zodProblems(error: ZodError, where: string): FieldProblem[] {
  return error.issues.map((issue) => ({
    path: [where, ...issue.path.map(String)].join('.'),
    message: issue.message,
  }));
}

export function invalid(problems: FieldProblem[], detail?: string): AppError {
  const summary = problems.map((p) => `${p.path}: ${p.message}`).join('; ');
  return new AppError('invalid_request', detail ?? summary, problems);
}

export function notFound(what: string, id: string): AppError {
  return new AppError('not_found', `no ${what} with id ${id}`);
}

/** An error as the lines a command prints: the message, then each field's problem. */
export function describeProblems(error: unknown): string[] {
  if (error instanceof AppError) {
    return [error.message, ...error.problems.map((p) => `  ${p.path}: ${p.message}`)];
  }
  return [(error as Error).message];
}
