import { createHash } from 'node:crypto';
import { setTimeout } from 'node:timers/promises';
import type { MiddlewareHandler } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { Db } from '../db/database.js';
import { AppError, invalid } from '../errors.js';
import {
  claimIdempotencyKey,
  completeIdempotencyKey,
  releaseIdempotencyKey,
} from '../repositories/idempotency.js';
import type { AppEnv } from './env.js';

/** How long a retry waits for a concurrent first request with its key to finish. */
const CONCURRENT_WAIT_MS = 5_000;
const POLL_MS = 20;
/** A claim unfinished this long belongs to a process that died mid-request. */
const ABANDONED_AFTER_MS = 60_000;

const KEY_PATTERN = /^[\x21-\x7e]{1,255}$/;
const HEADER = 'Idempotency-Key';

/**
 * Writes sent with an Idempotency-Key run once: a retry with the same key and the same request
 * gets the first response (marked `Idempotent-Replayed: true`) and writes nothing, even when it
 * arrives while the first is still running. Only successful responses are kept; a failed request
 * frees its key for a corrected retry.
 */
export function idempotency(db: Db): MiddlewareHandler<AppEnv> {
  return async function idempotency(c, next) {
    const key = c.req.header(HEADER);
    if (c.req.method !== 'POST' || key === undefined) return next();
    if (!KEY_PATTERN.test(key)) {
      throw invalid([
        { path: `header.${HEADER}`, message: 'must be 1 to 255 visible ASCII characters' },
      ]);
    }
    const body = await c.req.text();
    const hash = createHash('sha256')
      .update(`${c.req.method} ${c.req.path}\n${body}`)
      .digest('hex');
    const actorId = c.var.actor.userId;
    // Concurrent retries wait for the first to finish and get its response; a claim still open
    // after the wait answers 409 (try again), and one whose process died is taken over.
    const deadline = Date.now() + CONCURRENT_WAIT_MS;
    for (;;) {
      const earlier = await claimIdempotencyKey(db, actorId, key, hash, ABANDONED_AFTER_MS);
      if (!earlier) break;
      if (earlier.request_hash !== hash) {
        throw new AppError('unprocessable', `this ${HEADER} was used for a different request`, [
          {
            path: `header.${HEADER}`,
            message: 'was already used with another method, path or body',
          },
        ]);
      }
      if (earlier.status !== null) {
        c.header('Idempotent-Replayed', 'true');
        return c.json(earlier.body, earlier.status as ContentfulStatusCode);
      }
      if (Date.now() >= deadline) {
        throw new AppError(
          'conflict',
          `a request with this ${HEADER} is still being handled`,
          [],
          1,
        );
      }
      await setTimeout(POLL_MS);
    }
    await next();
    if (c.res.ok) {
      const responseBody: unknown = await c.res.clone().json();
      await completeIdempotencyKey(db, actorId, key, { status: c.res.status, body: responseBody });
    } else {
      await releaseIdempotencyKey(db, actorId, key);
    }
  };
}
