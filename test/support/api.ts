import { createApp } from '../../server/app.js';
import type { Db } from '../../server/db/database.js';

export interface JsonResponse<T = unknown> {
  status: number;
  contentType: string | null;
  headers: Headers;
  body: T;
}

/** The app with no port: requests go straight to `app.request()` (Hono's testing style). */
export function testClient(db: Db) {
  const app = createApp({ db });
  async function call<T>(
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ) {
    const response = await app.request(path, {
      method,
      headers: body === undefined ? headers : { 'Content-Type': 'application/json', ...headers },
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
    app,
    get: <T = any>(path: string) => call<T>('GET', path),
    post: <T = any>(path: string, body: unknown, headers?: Record<string, string>) =>
      call<T>('POST', path, body, headers),
  };
}
