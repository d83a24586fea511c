import { loadConfig } from '../config.js';
import { describeProblems } from '../errors.js';
import { readScenarioFile, uncheckedQuotes } from '../services/scenario-files.js';
import { reviewScenarioFile } from '../services/scenario-review.js';

/**
 * Validates scenario files without a database and prints the Indicators Validator report:
 * each indicator's diagnosticity, and each hypothesis's indicators and sourced forecasts.
 */
const files = process.argv.slice(2);
if (files.length === 0) {
  console.error('usage: npm run scenarios:check -- <file.json> [more.json …]');
  process.exit(2);
}

for (const path of files) {
  try {
    const config = loadConfig();
    const loaded = await readScenarioFile(path, config.sourceDocumentsDir);
    console.log(
      `${loaded.name}: valid; ${
        loaded.quotesCheckedIn
          ? `every quote found in ${loaded.quotesCheckedIn}`
          : uncheckedQuotes(config.sourceDocumentsDir)
      }`,
    );
    for (const q of reviewScenarioFile(loaded.file)) {
      const count = (c: string) => q.indicators.filter((x) => x.class === c).length;
      console.log(
        `\n${q.key} (${q.kind}): ${q.coverage.length} hypotheses, ${q.indicators.length} indicators: ` +
          `${count('keep')} keep, ${count('weak')} weak, ${count('non_diagnostic')} non-diagnostic`,
      );
      for (const x of q.indicators.filter((i) => i.class !== 'keep')) {
        console.log(`  ${x.class.replace('_', '-')}: ${x.key} (spread ${x.spread})`);
      }
      console.log('  hypothesis: indicators speaking to it, sourced forecasts, opposing citations');
      for (const h of q.coverage) {
        console.log(`  ${h.key}: ${h.indicators}, ${h.forecasts}, ${h.opposing}`);
      }
    }
  } catch (error) {
    for (const line of describeProblems(error)) console.error(`signpost: ${line}`);
    process.exitCode = 1;
  }
}
