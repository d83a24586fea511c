import type { Insertable, Selectable } from 'kysely';
import type { Executor } from '../db/database.js';
import type { SourcesTable } from '../db/tables/sources.js';

export type SourceRow = Selectable<SourcesTable>;

export async function insertSources(ex: Executor, rows: Insertable<SourcesTable>[]) {
  if (rows.length > 0) await ex.insertInto('sources').values(rows).execute();
}

export async function findSources(ex: Executor, ids: readonly string[]): Promise<SourceRow[]> {
  if (ids.length === 0) return [];
  return ex.selectFrom('sources').selectAll().where('id', 'in', ids).execute();
}
