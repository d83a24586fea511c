import type { Context } from 'hono';
import { html } from 'hono/html';
import type { Child } from 'hono/jsx';
import type { AppEnv } from '../../http/env.js';
import { type AssetUrls, Layout } from '../../views/layout.js';

export type Render = (
  c: Context<AppEnv>,
  title: string,
  body: Child,
  status?: 200 | 400 | 404 | 409,
) => Response | Promise<Response>;

/** Renders a page inside the layout, as a complete HTML document. */
export function renderer(assets: AssetUrls): Render {
  return (c, title, body, status = 200) =>
    c.html(
      html`<!doctype html>${(
        <Layout title={title} assets={assets}>
          {body}
        </Layout>
      )}`,
      status,
    );
}
