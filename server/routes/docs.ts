import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { Hono } from 'hono';
import type { AppEnv } from '../http/env.js';
import { ROOT } from '../paths.js';

const require = createRequire(import.meta.url);
const swaggerDir = dirname(require.resolve('swagger-ui-dist/package.json'));
const webDir = join(ROOT, 'web/');

/** The only files /docs serves: the renderer from its installed package, and our start-up script. */
const ASSETS: Record<string, { path: string; type: string }> = {
  'swagger-ui.css': { path: join(swaggerDir, 'swagger-ui.css'), type: 'text/css; charset=utf-8' },
  'swagger-ui-bundle.js': {
    path: join(swaggerDir, 'swagger-ui-bundle.js'),
    type: 'text/javascript; charset=utf-8',
  },
  'docs.js': { path: join(webDir, 'docs.js'), type: 'text/javascript; charset=utf-8' },
};

const PAGE = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Signpost API</title>
<link rel="stylesheet" href="/docs/assets/swagger-ui.css">
<link rel="icon" href="data:,">
</head>
<body>
<div id="swagger-ui"></div>
<script src="/docs/assets/swagger-ui-bundle.js"></script>
<script src="/docs/assets/docs.js"></script>
</body>
</html>`;

/** `/docs`: the OpenAPI document rendered by assets served from this app, no CDN. */
export function docsRoutes() {
  const cache = new Map<string, Buffer>();
  return new Hono<AppEnv>()
    .get('/docs', (c) => c.html(PAGE))
    .get('/docs/assets/:file', async (c) => {
      const asset = ASSETS[c.req.param('file')];
      if (!asset) return c.notFound();
      let body = cache.get(asset.path);
      if (!body) {
        body = await readFile(asset.path);
        cache.set(asset.path, body);
      }
      return c.body(new Uint8Array(body), 200, {
        'Content-Type': asset.type,
        'Cache-Control': 'public, max-age=3600',
      });
    });
}
