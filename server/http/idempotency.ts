import { createHash } from 'node:crypto';
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

const KEY_PATTERN = /^[\x21-\x7e]{1,255}$/;
const HEADER = 'Idempotency-Key';

/**
 * Writes sent with an Idempotency-Key run once: a retry with the same key and the same request
 * gets the first response (marked `Idempotent-Replayed: true`) and writes nothing. Only
 * successful responses are kept; a failed request frees its key for a corrected retry.
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
    const earlier = await claimIdempotencyKey(db, actorId, key, hash);
    if (earlier) {
      if (earlier.request_hash !== hash) {
        throw new AppError('unprocessable', `this ${HEADER} was used for a different request`, [
          {
            path: `header.${HEADER}`,
            message: 'was already used with another method, path or body',
          },
        ]);
      }
      if (earlier.status === null) {
        throw new AppError('conflict', `a request with this ${HEADER} is still being handled`);
      }
      c.header('Idempotent-Replayed', 'true');
      return c.json(earlier.body, earlier.status as ContentfulStatusCode);
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
