import type { Context, ErrorHandler, NotFoundHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { AppError, statusOf, toProblem } from '../errors.js';
import type { AppEnv } from './env.js';

export function problemResponse(c: Context<AppEnv>, error: AppError) {
  if (error.retryAfterSeconds) c.header('Retry-After', String(error.retryAfterSeconds));
  return c.json(toProblem(error, c.get('requestId')), statusOf(error.code), {
    'Content-Type': 'application/problem+json',
  });
}

/** PostgreSQL's integrity errors that a request can cause, as the problems they are. */
function fromDatabase(error: unknown): AppError | undefined {
  const { code, constraint } = error as { code?: string; constraint?: string };
  switch (code) {
    case '23505':
      return new AppError('conflict', `already exists (${constraint ?? 'unique constraint'})`);
    case '23503':
      return new AppError(
        'conflict',
        `refers to something that does not exist (${constraint ?? 'foreign key'})`,
      );
    case '23514':
      return new AppError('invalid_request', `violates the check ${constraint ?? ''}`.trim());
    default:
      return undefined;
  }
}

function fromHttp(error: HTTPException): AppError {
  switch (error.status) {
    case 400:
      return new AppError('invalid_request', error.message, [
        { path: 'body', message: error.message },
      ]);
    case 404:
      return new AppError('not_found', error.message);
    case 413:
      return new AppError('payload_too_large', error.message);
    default:
      return new AppError('internal', error.message);
  }
}

export const handleError: ErrorHandler<AppEnv> = (error, c) => {
  if (error instanceof AppError) return problemResponse(c, error);
  if (error instanceof HTTPException) return problemResponse(c, fromHttp(error));
  const known = fromDatabase(error);
  if (known) return problemResponse(c, known);
  console.error(`signpost: request ${c.get('requestId')} failed:`, error);
  return problemResponse(
    c,
    new AppError(
      'internal',
      `unexpected error; the server log has it under request id ${c.get('requestId')}`,
    ),
  );
};

export const handleNotFound: NotFoundHandler<AppEnv> = (c) =>
  problemResponse(c, new AppError('not_found', `no route for ${c.req.method} ${c.req.path}`));
