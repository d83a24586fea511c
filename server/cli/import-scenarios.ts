import { SYSTEM_ACTOR } from '../actor.js';
import { importScenarioFile, uncheckedQuotes } from '../services/scenario-files.js';
import { runWithDatabase } from './run.js';

const files = process.argv.slice(2);
if (files.length === 0) {
  console.error('usage: npm run scenarios:import -- <file.json> [more.json …]');
  process.exit(2);
}

await runWithDatabase(async (handle, config) => {
  for (const file of files) {
    const report = await importScenarioFile(
      handle.db,
      SYSTEM_ACTOR,
      file,
      config.sourceDocumentsDir,
    );
    const added = Object.entries(report.added)
      .map(([what, n]) => `${n} ${what}`)
      .join(', ');
    console.log(
      report.importId
        ? `signpost: ${report.name}: added ${added} to ${handle.description}`
        : `signpost: ${report.name}: nothing new; already in ${handle.description}`,
    );
    console.log(
      report.quotesCheckedIn
        ? `  quotes checked against ${report.quotesCheckedIn}`
        : `  ${uncheckedQuotes(config.sourceDocumentsDir)} (set SIGNPOST_SOURCE_DOCUMENTS)`,
    );
    for (const k of report.kept) console.log(`  kept as stored: ${k.path}: ${k.message}`);
  }
});
