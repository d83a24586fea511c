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

/** How long a client should wait before retrying while the database is unreachable. */
const DATABASE_RETRY_SECONDS = 2;

/**
 * PostgreSQL out of reach: refused or dropped connections, a server shutting down or starting
 * (SQLSTATE classes 08 and 57P), the pool's connect timeout. The pool opens fresh connections
 * once the server is back, so these are a 503 to retry, not a failure of the request.
 */
function databaseUnavailable(error: unknown): boolean {
  // A host name with several addresses fails with one error per address.
  if (error instanceof AggregateError) return error.errors.some(databaseUnavailable);
  const { code, message } = error as { code?: unknown; message?: unknown };
  if (typeof code === 'string') {
    if (['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND'].includes(code))
      return true;
    if (code.startsWith('08') || code.startsWith('57P') || code === '53300') return true;
  }
  return (
    typeof message === 'string' &&
    /^(Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error)/.test(
      message,
    )
  );
}

/** PostgreSQL's errors that a request can meet, as the problems they are. */
function fromDatabase(error: unknown): AppError | undefined {
  if (databaseUnavailable(error)) {
    return new AppError(
      'unavailable',
      'the database is unreachable; try again shortly',
      [],
      DATABASE_RETRY_SECONDS,
    );
  }
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
    case '22021':
    case '22P05':
      // Text PostgreSQL cannot store (a NUL character) that a free-text field let through.
      return new AppError('invalid_request', 'contains a character that cannot be stored (NUL)');
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
    case 415:
      return new AppError(
        'unsupported_media_type',
        `${error.message}: send the body as application/json`,
        [{ path: 'header.Content-Type', message: 'must be application/json' }],
      );
    default:
      // Any other refusal raised by a middleware is still the request's fault, not the server's.
      return error.status < 500
        ? new AppError('invalid_request', error.message)
        : new AppError('internal', error.message);
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
