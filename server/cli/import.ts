import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { SYSTEM_ACTOR } from '../actor.js';
import type { ImportReport } from '../schemas/export-document.js';
import { importEvidenceCsv } from '../services/evidence-csv.js';
import {
  type ImportProgress,
  importDocument,
  parseExportDocument,
} from '../services/export-document.js';
import { runWithDatabase } from './run.js';

const USAGE = `usage: npm run import -- <backup.json>
       npm run import -- <evidence.csv> --question <id>`;

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { question: { type: 'string' } },
});
const [file] = positionals;
const csv = file?.toLowerCase().endsWith('.csv');
if (!file || (csv && !values.question)) {
  console.error(USAGE);
  process.exit(2);
}

/** Progress on stderr: rewritten in place on a terminal, a line per step otherwise. */
function showProgress({ table, done, total }: ImportProgress) {
  const line = `signpost: ${table} ${done}/${total}`;
  if (process.stderr.isTTY) process.stderr.write(`\r${line}${done === total ? '\n' : ''}`);
  else console.error(line);
}

const listed = (counts: Record<string, number>) =>
  Object.entries(counts)
    .filter(([, n]) => n > 0)
    .map(([table, n]) => `${n} ${table}`)
    .join(', ') || 'nothing';

/** `npm run import`: a backup (restore) or a CSV evidence backfill, all or nothing. */
await runWithDatabase(async (handle) => {
  const text = readFileSync(file, 'utf8');
  const report: ImportReport = csv
    ? await importEvidenceCsv(
        handle.db,
        SYSTEM_ACTOR,
        values.question as string,
        text,
        showProgress,
      )
    : await importDocument(
        handle.db,
        SYSTEM_ACTOR,
        parseExportDocument(JSON.parse(text)),
        showProgress,
      );
  console.log(`signpost: imported ${file} into ${handle.description}`);
  console.log(`  added: ${listed(report.added)}`);
  console.log(`  already stored (kept as stored): ${listed(report.present)}`);
  if (report.recomputed.length > 0) {
    console.log(`  rebuilt the model of ${report.recomputed.length} question(s)`);
  }
});
