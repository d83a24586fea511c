import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Hono } from 'hono';
import type { AppEnv } from '../http/env.js';
import { ROOT } from '../paths.js';
import type { AssetUrls } from '../views/layout.js';

const WEB = join(ROOT, 'web/');

const FILES = {
  'app.css': { path: `${WEB}app.css`, type: 'text/css; charset=utf-8' },
  'app.js': { path: `${WEB}dist/app.js`, type: 'text/javascript; charset=utf-8' },
} as const;

interface Asset {
  body: Uint8Array;
  type: string;
  version: string;
}

function load(file: keyof typeof FILES): Asset | undefined {
  const { path, type } = FILES[file];
  if (!existsSync(path)) return undefined;
  const body = new Uint8Array(readFileSync(path));
  return { body, type, version: createHash('sha256').update(body).digest('hex').slice(0, 12) };
}

/**
 * The pages' stylesheet and bundled script, read once. URLs carry the content's hash, so a
 * browser may keep a file for a year and still never run a stale one.
 */
export function pageAssets(): { urls: AssetUrls; routes: Hono<AppEnv> } {
  const assets = { 'app.css': load('app.css'), 'app.js': load('app.js') };
  if (!assets['app.js'])
    console.warn(
      'signpost: web/dist/app.js is missing (npm run build); pages render without charts',
    );
  const url = (file: keyof typeof FILES) => {
    const asset = assets[file];
    return asset ? `/assets/${file}?v=${asset.version}` : undefined;
  };
  const routes = new Hono<AppEnv>().get('/assets/:file', (c) => {
    const name = c.req.param('file');
    const asset = name in assets ? assets[name as keyof typeof FILES] : undefined;
    if (!asset) return c.notFound();
    const current = c.req.query('v') === asset.version;
    return c.body(asset.body as Uint8Array<ArrayBuffer>, 200, {
      'Content-Type': asset.type,
      'Cache-Control': current ? 'public, max-age=31536000, immutable' : 'no-cache',
    });
  });
  return { urls: { css: url('app.css') as string, js: url('app.js') }, routes };
}
