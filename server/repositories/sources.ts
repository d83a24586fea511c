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

/** The source an evidence item names: the one already known by its URL, else a new one. */
export async function findOrAddSource(
  ex: Executor,
  source: { title?: string | undefined; url?: string | undefined },
  row: Omit<Insertable<SourcesTable>, 'title' | 'url'>,
): Promise<SourceRow> {
  if (source.url !== undefined) {
    const known = await ex
      .selectFrom('sources')
      .selectAll()
      .where('url', '=', source.url)
      .orderBy('recorded_at')
      .executeTakeFirst();
    if (known) return known;
  }
  return ex
    .insertInto('sources')
    .values({ ...row, title: source.title ?? (source.url as string), url: source.url ?? null })
    .returningAll()
    .executeTakeFirstOrThrow();
}
