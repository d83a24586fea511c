import { Hono } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import type { AuthSettings } from '../../config.js';
import type { Db } from '../../db/database.js';
import { AppError } from '../../errors.js';
import { sessionOf } from '../../http/authenticate.js';
import type { AppEnv } from '../../http/env.js';
import { clearSessionCookie, clientAddress, setSessionCookie } from '../../http/session-cookie.js';
import { newSecret, sameSecret } from '../../services/secrets.js';
import { closeSession, type SignInThrottles, signIn } from '../../services/sessions.js';
import { SignInPage } from '../../views/accounts/sign-in-page.js';
import { formValues } from './form-input.js';
import type { Render } from './render.js';

/** The sign-in form's own CSRF token: a cookie the form must echo (double submit). */
const SIGN_IN_COOKIE = 'signpost_sign_in';

/** Only a path on this site: `next` must not send anyone elsewhere after signing in. */
export function safeNext(value: string | undefined): string {
  return value && /^\/(?![/\\])/.test(value) ? value : '/';
}

export interface SessionPageDeps {
  db: Db;
  auth: AuthSettings;
  throttles: SignInThrottles;
}

export function sessionPages({ db, auth, throttles }: SessionPageDeps, render: Render) {
  const form = (
    c: Parameters<Render>[0],
    values: Record<string, string>,
    errors: Record<string, string[]>,
    status: 200 | 401 | 403 | 429,
  ) => {
    const token = newSecret();
    setCookie(c, SIGN_IN_COOKIE, token, {
      path: '/sign-in',
      httpOnly: true,
      sameSite: 'Strict',
      secure: auth.secureCookies,
    });
    return render(
      c,
      'Sign in',
      <SignInPage form={{ values, errors }} token={token} next={safeNext(values.next)} />,
      status,
    );
  };
  return new Hono<AppEnv>()
    .get('/sign-in', (c) => {
      if (sessionOf(c)) return c.redirect(safeNext(c.req.query('next')), 303);
      return form(c, { next: c.req.query('next') ?? '/' }, {}, 200);
    })
    .post('/sign-in', async (c) => {
      const values = formValues(await c.req.parseBody());
      const expected = getCookie(c, SIGN_IN_COOKIE);
      if (!expected || !values._csrf || !sameSecret(values._csrf, expected)) {
        return form(
          c,
          { username: values.username ?? '', next: values.next ?? '/' },
          { '': ['The sign-in form was out of date; please try again.'] },
          403,
        );
      }
      try {
        const { token, mustChange } = await signIn(db, auth, throttles, {
          username: values.username ?? '',
          password: values.password ?? '',
          client: clientAddress(c),
          requestId: c.get('requestId'),
        });
        // A session this browser already had is ended, not kept beside the new one.
        const previous = sessionOf(c);
        if (previous) await closeSession(db, c.var.actor, previous.id, 'replaced by sign-in');
        setSessionCookie(c, token, auth);
        return c.redirect(mustChange ? '/account/password' : safeNext(values.next), 303);
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
        if (error.code === 'too_many_requests') {
          c.header('Retry-After', String(error.retryAfterSeconds ?? 60));
        } else if (error.code !== 'unauthenticated') throw error;
        const status = error.code === 'too_many_requests' ? 429 : 401;
        return form(
          c,
          { username: values.username ?? '', next: values.next ?? '/' },
          { '': [error.message] },
          status,
        );
      }
    })
    .post('/sign-out', async (c) => {
      const session = sessionOf(c);
      if (session) await closeSession(db, c.var.actor, session.id, 'signed out');
      clearSessionCookie(c, auth);
      return c.redirect('/sign-in', 303);
    });
}
