import type { Context, MiddlewareHandler } from 'hono';
import { deleteCookie, getCookie } from 'hono/cookie';
import type { AuthSettings } from '../config.js';
import type { Db } from '../db/database.js';
import { AppError } from '../errors.js';
import { resolveToken } from '../services/api-tokens.js';
import { resolveSession } from '../services/sessions.js';
import type { AppEnv } from './env.js';

export const SESSION_COOKIE = 'signpost_session';
const BEARER = /^Bearer +([\x21-\x7e]{1,512})$/i;

/**
 * Works out who sent a request: an `Authorization: Bearer` API token, else the session cookie,
 * else nobody. A bearer token that is malformed, unknown or revoked is refused outright (401)
 * rather than treated as anonymous, so a script learns at once that its token is dead.
 */
export function authenticate(
  db: Db,
  settings: AuthSettings,
  rememberTokensMs = 0,
): MiddlewareHandler<AppEnv> {
  return async function authenticate(c, next) {
    c.set('auth', { kind: 'anonymous' });
    const header = c.req.header('Authorization');
    if (header !== undefined) {
      const secret = BEARER.exec(header)?.[1];
      const token = secret ? await resolveToken(db, secret, rememberTokensMs) : undefined;
      if (!token) {
        c.header('WWW-Authenticate', 'Bearer realm="signpost", error="invalid_token"');
        throw new AppError(
          'unauthenticated',
          secret
            ? 'the API token is unknown or revoked, or its owner is deactivated'
            : 'the Authorization header must be "Bearer <token>"',
        );
      }
      c.set('auth', { kind: 'token', tokenId: token.tokenId });
      c.set('actor', { userId: token.userId, role: token.role, requestId: c.get('requestId') });
      return next();
    }
    const cookie = getCookie(c, SESSION_COOKIE);
    if (cookie !== undefined) {
      const session = await resolveSession(db, settings, cookie);
      if (session) {
        c.set('auth', { kind: 'session', session });
        c.set('actor', {
          userId: session.userId,
          role: session.role,
          requestId: c.get('requestId'),
        });
      } else {
        deleteCookie(c, SESSION_COOKIE, { path: '/' });
      }
    }
    return next();
  };
}

/** The session behind a request, when it came with one. */
export function sessionOf(c: Context<AppEnv>) {
  const auth = c.get('auth');
  return auth.kind === 'session' ? auth.session : undefined;
}
