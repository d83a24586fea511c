import { sql } from 'kysely';
import { Migrator } from 'kysely/migration';
import { migrations } from '../../migrations/index.js';
import type { Db } from './database.js';

/**
 * Applies every pending migration; returns the names applied. Throws naming the one that failed.
 * The migrations' own bookkeeping lives in the connection's current schema, named: Kysely looks
 * for its tables in every schema otherwise, and would take another schema's for this one's.
 */
export async function migrateToLatest(db: Db): Promise<string[]> {
  const { rows } = await sql<{ schema: string; tracked: boolean }>`
    select current_schema() as schema, to_regclass('kysely_migration') is not null as tracked`.execute(
    db,
  );
  // Nothing pending, the usual case at a start: the Migrator's locking and checks cost more than
  // the rest of the start-up's database work.
  if (rows[0]?.tracked) {
    const applied = await sql<{ name: string }>`select name from kysely_migration`.execute(db);
    const pending = new Set(Object.keys(migrations));
    for (const { name } of applied.rows) pending.delete(name);
    if (pending.size === 0) return [];
  }
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => migrations },
    migrationTableSchema: rows[0]?.schema ?? 'public',
  });
  const { error, results = [] } = await migrator.migrateToLatest();
  if (error) {
    const failed = results.find((r) => r.status === 'Error')?.migrationName ?? 'a migration';
    throw new Error(`migration ${failed} failed: ${(error as Error).message}`);
  }
  return results.filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
