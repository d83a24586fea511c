import type { Insertable } from 'kysely';
import type { Executor } from '../db/database.js';
import type { ScenarioImportsTable } from '../db/tables/scenario-imports.js';

export async function insertScenarioImport(ex: Executor, row: Insertable<ScenarioImportsTable>) {
  await ex.insertInto('scenario_imports').values(row).execute();
}

/** Whether a file with exactly this content has already been imported. */
export async function wasImported(ex: Executor, sha256: string): Promise<boolean> {
  const row = await ex
    .selectFrom('scenario_imports')
    .select('id')
    .where('sha256', '=', sha256)
    .executeTakeFirst();
  return row !== undefined;
}
