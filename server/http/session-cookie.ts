import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';
import { deleteCookie, setCookie } from 'hono/cookie';
import type { AuthSettings } from '../config.js';
import { SESSION_COOKIE } from './authenticate.js';
import type { AppEnv } from './env.js';

/**
 * The session cookie: HttpOnly (no script can read it), SameSite=Lax (other sites' forms do not
 * carry it), Secure unless the operator turned that off for plain HTTP, and no longer-lived than
 * the session itself.
 */
export function setSessionCookie(c: Context<AppEnv>, token: string, settings: AuthSettings) {
  setCookie(c, SESSION_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'Lax',
    secure: settings.secureCookies,
    maxAge: Math.floor(settings.sessionMaxMs / 1000),
  });
}

export function clearSessionCookie(c: Context<AppEnv>, settings: AuthSettings) {
  deleteCookie(c, SESSION_COOKIE, { path: '/', secure: settings.secureCookies });
}

/**
 * The address a request came from, for throttling: the socket's peer. Forwarded-for headers
 * are not trusted (a client could write anything there); behind a proxy every client shares
 * the proxy's address and the per-username limit does the work.
 */
export function clientAddress(c: Context<AppEnv>): string {
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    // No socket: a request handed to the app in-process.
    return 'in-process';
  }
}
