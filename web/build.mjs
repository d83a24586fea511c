import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/**
 * `npm run build`, run by `npm start` and `npm test` before anything else; plain JavaScript so it
 * starts in milliseconds. It bundles, each only when a source changed since its last build:
 * - web/dist/app.js, the pages' script (chart.js with only the parts it registers);
 * - dist/server.mjs, the server and its packages in one file, which `npm start` runs with plain
 *   node: loading ~250 modules through a TypeScript loader, and packages of hundreds of files
 *   each, took seconds at each start.
 */
const ROOT = new URL('..', import.meta.url).pathname;

/** The latest change under these folders (built output aside), in ms. */
function newest(paths) {
  let latest = 0;
  for (const path of paths) {
    const stat = statSync(join(ROOT, path));
    if (!stat.isDirectory()) {
      latest = Math.max(latest, stat.mtimeMs);
      continue;
    }
    for (const entry of readdirSync(join(ROOT, path), { withFileTypes: true })) {
      if (entry.name === 'dist' || entry.name.startsWith('.')) continue;
      latest = Math.max(latest, newest([join(path, entry.name)]));
    }
  }
  return latest;
}

function builtAt(file) {
  try {
    return statSync(join(ROOT, file)).mtimeMs;
  } catch {
    return 0;
  }
}

const SHARED = ['package-lock.json', 'tsconfig.json', 'web/build.mjs'];
const BUNDLES = [
  {
    outfile: 'web/dist/app.js',
    sources: ['web', ...SHARED],
    options: {
      entryPoints: ['web/app.ts'],
      minify: true,
      target: ['es2022'],
      legalComments: 'linked',
    },
  },
  {
    outfile: 'dist/server.mjs',
    sources: ['server', 'migrations', 'web', ...SHARED],
    options: {
      entryPoints: ['server/main.ts'],
      platform: 'node',
      target: ['node20'],
      // Packages bundled too (resolving their hundreds of files was most of the start); the
      // embedded database and the canvas load files of their own (wasm, a native addon), and
      // pg's optional native driver is not installed.
      external: ['@electric-sql/pglite', '@napi-rs/canvas', 'pg-native'],
      // CommonJS packages inside an ES module still call require().
      banner: {
        js: "import { createRequire as __signpostRequire } from 'node:module'; const require = __signpostRequire(import.meta.url);",
      },
      sourcemap: true,
    },
  },
];

for (const bundle of BUNDLES) {
  if (builtAt(bundle.outfile) > newest(bundle.sources)) continue;
  // Loaded only to build: a start with nothing to rebuild should not pay for it.
  const { build } = await import('esbuild');
  const result = await build({
    absWorkingDir: ROOT,
    outfile: bundle.outfile,
    bundle: true,
    format: 'esm',
    metafile: true,
    logLevel: 'warning',
    ...bundle.options,
  });
  const bytes = Object.values(result.metafile.outputs).find((o) => o.entryPoint)?.bytes ?? 0;
  console.log(`signpost: built ${bundle.outfile} (${(bytes / 1024).toFixed(1)} KiB)`);
}
