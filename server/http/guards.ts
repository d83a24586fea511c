import type { MiddlewareHandler } from 'hono';
import { can, type Permission } from '../domain/roles.js';
import { AppError } from '../errors.js';
import { forbidden } from '../services/authorize.js';
import { sameSecret } from '../services/secrets.js';
import type { AppEnv } from './env.js';

/** Paths the pages serve to people not signed in. */
const PUBLIC_PAGES = new Set(['/sign-in']);
/** What a session that must change its password may still reach. */
const PASSWORD_CHANGE = new Set(['/account/password', '/sign-out']);
const CSRF_FIELD = '_csrf';
const CSRF_HEADER = 'X-CSRF-Token';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Nothing is served to anonymous requests but the sign-in page (and the API's documentation
 * and the page assets, mounted outside). The API answers 401; pages send people to sign in and
 * back. A session whose password must change reaches only the password form until it has.
 */
export function signInWall(kind: 'api' | 'pages'): MiddlewareHandler<AppEnv> {
  return async function signInWall(c, next) {
    const auth = c.get('auth');
    if (auth.kind === 'anonymous') {
      if (kind === 'pages' && PUBLIC_PAGES.has(c.req.path)) return next();
      if (kind === 'pages') {
        const back = c.req.method === 'GET' ? c.req.path + new URL(c.req.url).search : '/';
        return c.redirect(`/sign-in?next=${encodeURIComponent(back)}`, 303);
      }
      c.header('WWW-Authenticate', 'Bearer realm="signpost"');
      throw new AppError(
        'unauthenticated',
        'sign in, or send an API token as Authorization: Bearer <token>',
      );
    }
    if (auth.kind === 'session' && auth.session.mustChange && !PASSWORD_CHANGE.has(c.req.path)) {
      if (kind === 'pages') return c.redirect('/account/password', 303);
      throw new AppError(
        'forbidden',
        'change your password first (it was set by an administrator)',
      );
    }
    return next();
  };
}

/** Lets a route through only for roles holding `permission` (before its input is validated). */
export function allow(permission: Permission): MiddlewareHandler<AppEnv> {
  return async function allow(c, next) {
    const actor = c.get('actor');
    if (!actor) throw new AppError('unauthenticated', 'sign in first');
    if (!can(actor.role, permission)) throw forbidden(permission, actor.role);
    return next();
  };
}

/**
 * A browser sends the session cookie with any request to this origin, including ones another
 * site makes it send. So a write under a session must also carry the session's CSRF token, as
 * a form field or a header, which another site cannot read. API tokens need no such check:
 * browsers never attach them on their own.
 */
export const csrfProtection: MiddlewareHandler<AppEnv> = async function csrfProtection(c, next) {
  const auth = c.get('auth');
  if (auth.kind !== 'session' || SAFE_METHODS.has(c.req.method)) return next();
  // The sign-in form checks its own token (a tab opened before this session began has no other).
  if (PUBLIC_PAGES.has(c.req.path)) return next();
  let sent = c.req.header(CSRF_HEADER);
  const type = c.req.header('Content-Type') ?? '';
  if (
    sent === undefined &&
    /^(application\/x-www-form-urlencoded|multipart\/form-data)/i.test(type)
  ) {
    const field = (await c.req.parseBody())[CSRF_FIELD];
    sent = typeof field === 'string' ? field : undefined;
  }
  if (sent === undefined || !sameSecret(sent, auth.session.csrfToken)) {
    throw new AppError(
      'forbidden',
      'this form is out of date or did not come from Signpost (its CSRF token is missing or wrong); reload the page and try again',
    );
  }
  return next();
};
