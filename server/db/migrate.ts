import { Migrator } from 'kysely/migration';
import { migrations } from '../../migrations/index.js';
import type { Db } from './database.js';

/** Applies every pending migration; returns the names applied. Throws naming the one that failed. */
export async function migrateToLatest(db: Db): Promise<string[]> {
  const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } });
  const { error, results = [] } = await migrator.migrateToLatest();
  if (error) {
    const failed = results.find((r) => r.status === 'Error')?.migrationName ?? 'a migration';
    throw new Error(`migration ${failed} failed: ${(error as Error).message}`);
  }
  return results.filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
