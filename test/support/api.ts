import { type AppDeps, createApp } from '../../server/app.js';
import type { Db } from '../../server/db/database.js';
import type { AssignableRole } from '../../server/domain/roles.js';
import { createTestUser, type TestUser } from './accounts.js';

export interface JsonResponse<T = unknown> {
  status: number;
  contentType: string | null;
  headers: Headers;
  body: T;
}

/**
 * The app with no port: requests go straight to `app.request()` (Hono's testing style), signed
 * in as a user of `role` (an admin by default). JSON calls send the user's API token, as a
 * script would; `app.request` sends the session cookie and, on writes, its CSRF token, as a
 * browser's page would. A request that names its own Authorization or Cookie keeps it.
 */
export function testClient(
  db: Db,
  role: AssignableRole = 'admin',
  options: Omit<AppDeps, 'db'> = {},
) {
  const app = createApp({ db, ...options });
  let user: Promise<TestUser> | undefined;
  const signedIn = () => {
    user ??= createTestUser(db, role);
    return user;
  };

  async function request(path: string, init: RequestInit = {}) {
    const { cookie, csrf } = await signedIn();
    const headers = new Headers(init.headers);
    if (!headers.has('authorization') && !headers.has('cookie')) {
      headers.set('cookie', cookie);
      if ((init.method ?? 'GET') !== 'GET') headers.set('x-csrf-token', csrf);
    }
    return app.request(path, { ...init, headers });
  }

  async function call<T>(
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ) {
    const { token } = await signedIn();
    const response = await app.request(path, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
        ...headers,
      },
      ...(body === undefined
        ? {}
        : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
    });
    const text = await response.text();
    return {
      status: response.status,
      contentType: response.headers.get('content-type'),
      headers: response.headers,
      body: (text ? JSON.parse(text) : undefined) as T,
    } satisfies JsonResponse<T>;
  }
  return {
    app: { request, unauthenticated: app },
    user: signedIn,
    get: <T = any>(path: string, headers?: Record<string, string>) =>
      call<T>('GET', path, undefined, headers),
    post: <T = any>(path: string, body: unknown, headers?: Record<string, string>) =>
      call<T>('POST', path, body, headers),
    patch: <T = any>(path: string, body: unknown, headers?: Record<string, string>) =>
      call<T>('PATCH', path, body, headers),
  };
}
