import { build } from 'esbuild';

/**
 * `npm run build`: bundles the pages' script (chart.js with only the parts it registers) into
 * web/dist, which the server serves. Run by `npm start` and `npm test` before anything else.
 */
const result = await build({
  entryPoints: [new URL('./app.ts', import.meta.url).pathname],
  outfile: new URL('./dist/app.js', import.meta.url).pathname,
  bundle: true,
  minify: true,
  format: 'esm',
  target: ['es2022'],
  legalComments: 'linked',
  metafile: true,
  logLevel: 'warning',
});
const bytes = Object.values(result.metafile.outputs).find((o) => o.entryPoint)?.bytes ?? 0;
console.log(`signpost: built web/dist/app.js (${(bytes / 1024).toFixed(1)} KiB)`);
