import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { secureHeaders } from 'hono/secure-headers';
import { AppError } from '../errors.js';
import type { AppEnv } from './env.js';

/**
 * Headers on every response. The policy allows scripts, styles, images and requests from this
 * origin only: no inline script anywhere (pages keep their data in JSON islands and their
 * scripts in files), no framing, no plugins, forms posting only here. Inline `style`
 * attributes stay allowed: the pages colour their legend swatches with them, and a style
 * attribute cannot run code.
 */
export const securityHeaders = secureHeaders({
  contentSecurityPolicy: {
    defaultSrc: ["'self'"],
    scriptSrc: ["'self'"],
    styleSrc: ["'self'"],
    styleSrcAttr: ["'unsafe-inline'"],
    imgSrc: ["'self'", 'data:', 'blob:'],
    fontSrc: ["'self'"],
    connectSrc: ["'self'"],
    objectSrc: ["'none'"],
    baseUri: ["'none'"],
    frameAncestors: ["'none'"],
    formAction: ["'self'"],
  },
  xFrameOptions: 'DENY',
  // Browsers ignore it over plain HTTP; behind TLS it keeps them there.
  strictTransportSecurity: 'max-age=31536000',
  permissionsPolicy: { camera: [], microphone: [], geolocation: [] },
});

/** An import carries a whole database or a backfill's worth of evidence. */
const MAX_IMPORT_BYTES = 512 * 1024 * 1024;
const MAX_API_BYTES = 1024 * 1024;
const MAX_FORM_BYTES = 256 * 1024;

const limit = (maxSize: number, what: string) =>
  bodyLimit({
    maxSize,
    onError: () => {
      throw new AppError('payload_too_large', `${what} is over ${maxSize} bytes`);
    },
  });

const importLimit = limit(MAX_IMPORT_BYTES, 'the import');
const apiLimit = limit(MAX_API_BYTES, 'the request body');
const formLimit = limit(MAX_FORM_BYTES, 'the form');

/** Every request body is capped before anything reads it: forms, API bodies, imports. */
export const bodyLimits: MiddlewareHandler<AppEnv> = function bodyLimits(c, next) {
  if (c.req.method === 'GET' || c.req.method === 'HEAD') return next();
  if (c.req.path === '/api/import') return importLimit(c, next);
  return c.req.path.startsWith('/api/') ? apiLimit(c, next) : formLimit(c, next);
};
