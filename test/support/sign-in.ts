import assert from 'node:assert/strict';
import type { createApp } from '../../server/app.js';

type App = ReturnType<typeof createApp>;

/** The full Set-Cookie line for a cookie, with its attributes: the last, as a browser keeps. */
export function setCookieLine(res: Response, name: string): string {
  return res.headers.getSetCookie().findLast((l) => l.startsWith(`${name}=`)) ?? '';
}

/** The value a response leaves a cookie with, or undefined when it does not set it. */
export function cookieSet(res: Response, name: string): string | undefined {
  const line = setCookieLine(res, name);
  return line ? line.slice(name.length + 1).split(';')[0] : undefined;
}

/**
 * Signs in through the form as a browser does: GET the form (its token and cookie), POST it
 * back. `cookie` is whatever the browser already held.
 */
export async function signInThroughForm(app: App, username: string, password: string, cookie = '') {
  // The form was fetched before (a browser tab left open); `cookie` is what the post carries.
  const form = await app.request('/sign-in');
  const html = await form.text();
  const token = /name="_csrf" value="([^"]+)"/.exec(html)?.[1];
  const formCookie = cookieSet(form, 'signpost_sign_in');
  assert.ok(token && formCookie, 'the sign-in form carries its token and cookie');
  const res = await app.request('/sign-in', {
    method: 'POST',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      cookie: [`signpost_sign_in=${formCookie}`, cookie].filter(Boolean).join('; '),
    },
    body: new URLSearchParams({ username, password, _csrf: token, next: '/' }).toString(),
  });
  const session = cookieSet(res, 'signpost_session');
  return { res, session, cookie: session ? `signpost_session=${session}` : '' };
}

/** A form post under a session, with the page's CSRF token unless told otherwise. */
export function postForm(app: App, path: string, cookie: string, fields: Record<string, string>) {
  return app.request(path, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie },
    body: new URLSearchParams(fields).toString(),
  });
}

/** The CSRF token a page's forms carry. */
export async function csrfOf(app: App, cookie: string, path = '/account'): Promise<string> {
  const html = await (await app.request(path, { headers: { cookie } })).text();
  const token = /name="_csrf" value="([^"]+)"/.exec(html)?.[1];
  assert.ok(token, `${path} carries a CSRF token`);
  return token;
}
