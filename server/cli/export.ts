import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { assessmentsCsv } from '../services/assessments-csv.js';
import { evidenceCsv } from '../services/evidence-csv.js';
import { exportDocument } from '../services/export-document.js';
import { runWithDatabase } from './run.js';

const USAGE = `usage: npm run export -- <file.json | -> [--question <id>]
       npm run export -- <file.csv | -> --csv evidence --question <id>
       npm run export -- <file.csv | -> --csv assessments [--question <id>]`;

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { question: { type: 'string' }, csv: { type: 'string' } },
});
const [file] = positionals;
if (!file || (values.csv && !['evidence', 'assessments'].includes(values.csv))) {
  console.error(USAGE);
  process.exit(2);
}

/** `npm run export`: a backup of everything (or one question), or a CSV, to a file or stdout. */
await runWithDatabase(async (handle) => {
  let text: string;
  let summary: string;
  if (values.csv === 'evidence') {
    if (!values.question) throw new Error('--csv evidence needs --question <id>');
    text = await evidenceCsv(handle.db, values.question);
    summary = `the evidence of ${values.question} as CSV`;
  } else if (values.csv === 'assessments') {
    text = await assessmentsCsv(handle.db, values.question);
    summary = 'probabilities over time as CSV';
  } else {
    const document = await exportDocument(handle.db, values.question);
    text = `${JSON.stringify(document, null, 1)}\n`;
    const counts = Object.entries(document.tables)
      .filter(([, rows]) => rows.length > 0)
      .map(([table, rows]) => `${rows.length} ${table}`);
    summary = counts.join(', ');
  }
  if (file === '-') process.stdout.write(text);
  else writeFileSync(file, text);
  console.error(
    `signpost: exported ${summary} from ${handle.description} to ${file === '-' ? 'stdout' : file}`,
  );
});
