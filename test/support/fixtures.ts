import { readFileSync } from 'node:fs';
import { sql } from 'kysely';
import { SYSTEM_ACTOR } from '../../server/actor.js';
import { loadConfig } from '../../server/config.js';
import type { Db } from '../../server/db/database.js';
import type { ScenarioFile } from '../../server/schemas/scenario-file.js';
import type { QuestionView } from '../../server/schemas/views.js';
import { readQuestions } from '../../server/services/question-reads.js';
import { loadScenarioFolder } from '../../server/services/scenario-files.js';

export const SAMPLE_PATH = new URL('../fixtures/sample-scenarios.json', import.meta.url).pathname;

/** The source documents folder as configured: quotes are checked when it exists. */
export const DOCUMENTS = loadConfig().sourceDocumentsDir;

/** A fresh deep copy of the sample scenario file, to alter in a test. */
export function sampleScenario(): ScenarioFile {
  return JSON.parse(readFileSync(SAMPLE_PATH, 'utf8')) as ScenarioFile;
}

const TABLES = [
  'questions',
  'hypotheses',
  'sources',
  'citations',
  'indicators',
  'indicator_expectations',
  'assessments',
  'scenario_imports',
  'evidence',
  'evidence_ratings',
  'evidence_retractions',
  'indicator_observations',
  'model_ledger',
  'model_states',
  'resolutions',
  'audit_log',
] as const;

/** Row counts of every table a request writes and the audit log: "nothing written" is all equal. */
export async function rowCounts(db: Db): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of TABLES) {
    const { rows } = await sql<{
      n: number;
    }>`select count(*)::int as n from ${sql.table(table)}`.execute(db);
    counts[table] = rows[0]?.n ?? -1;
  }
  return counts;
}

/** Loads the built-in scenarios; returns their exclusive question (the main-base set). */
export async function loadBuiltInExclusive(db: Db): Promise<QuestionView> {
  const scenarios = new URL('../../scenarios', import.meta.url).pathname;
  await loadScenarioFolder(db, SYSTEM_ACTOR, scenarios, DOCUMENTS);
  const exclusive = (await readQuestions(db, {})).find((q) => q.kind === 'exclusive');
  if (!exclusive) throw new Error('the built-in scenarios have no exclusive question');
  return exclusive;
}
