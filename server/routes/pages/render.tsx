import type { Context } from 'hono';
import { html } from 'hono/html';
import type { Child } from 'hono/jsx';
import type { AppEnv } from '../../http/env.js';
import { type AssetUrls, Layout } from '../../views/layout.js';
import { type Viewer, ViewerContext } from '../../views/viewer.js';

export type Render = (
  c: Context<AppEnv>,
  title: string,
  body: Child,
  status?: 200 | 400 | 401 | 403 | 404 | 409 | 429,
) => Response | Promise<Response>;

/** Renders a page inside the layout, as a complete HTML document, for the request's viewer. */
export function renderer(assets: AssetUrls): Render {
  return (c, title, body, status = 200) =>
    c.html(
      html`<!doctype html>${(
        <ViewerContext.Provider value={viewerOf(c)}>
          <Layout title={title} assets={assets}>
            {body}
          </Layout>
        </ViewerContext.Provider>
      )}`,
      status,
    );
}

function viewerOf(c: Context<AppEnv>): Viewer | undefined {
  const auth = c.get('auth');
  const actor = c.get('actor');
  if (!actor) return undefined;
  if (auth.kind !== 'session') {
    // A script reading pages with an API token: no session, so no forms need a CSRF token.
    return {
      username: actor.userId,
      displayName: 'API token',
      role: actor.role,
      csrfToken: undefined,
    };
  }
  const { session } = auth;
  return {
    username: session.username,
    displayName: session.displayName,
    role: actor.role,
    csrfToken: session.csrfToken,
  };
}
