import { fileURLToPath } from 'node:url';

/**
 * The project's folder. This module sits one folder below it, and so does the bundled server
 * (dist/server.mjs, see web/build.mjs), so the same relative address finds it from both.
 */
export const ROOT = fileURLToPath(new URL('..', import.meta.url));
