import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../server/config.js';
import { openDatabase } from '../server/db/connect.js';
import { migrateToLatest } from '../server/db/migrate.js';
import { uncheckedQuotes } from '../server/services/scenario-files.js';

/**
 * `npm test`: every *.test.ts under the project's source folders, with Node's runner. Without
 * DATABASE_URL the tests use embedded PGlite; creating a database takes seconds, so one migrated
 * template folder is built here and each test file copies it.
 */
const ROOTS = ['server', 'migrations', 'scenarios', 'test', 'web'];

function testFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return testFiles(path);
    return entry.name.endsWith('.test.ts') ? [path] : [];
  });
}

const files = ROOTS.flatMap(testFiles).sort();
const env = { ...process.env };
let template: string | undefined;
if (!env.DATABASE_URL) {
  template = mkdtempSync(join(tmpdir(), 'signpost-template-'));
  const handle = await openDatabase({ dataDir: template });
  await migrateToLatest(handle.db);
  await handle.close();
  env.SIGNPOST_TEST_TEMPLATE = template;
}
const documents = loadConfig(env).sourceDocumentsDir;
console.log(
  `signpost: ${files.length} test files against ${env.DATABASE_URL ? 'PostgreSQL (DATABASE_URL)' : 'embedded PGlite'}; ` +
    (existsSync(documents)
      ? `scenario quotes checked against ${documents}`
      : `scenario ${uncheckedQuotes(documents)}`),
);
const result = spawnSync(process.execPath, ['--import', 'tsx', '--test', ...files], {
  stdio: 'inherit',
  env,
});
if (template) rmSync(template, { recursive: true, force: true });
process.exit(result.status ?? 1);
