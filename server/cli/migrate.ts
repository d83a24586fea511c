import { migrateToLatest } from '../db/migrate.js';
import { runWithDatabase } from './run.js';

await runWithDatabase(async (handle) => {
  // runWithDatabase has migrated already; a second call reports that nothing is pending.
  const applied = await migrateToLatest(handle.db);
  console.log(
    `signpost: ${handle.description} is at the latest schema${applied.length ? ` (applied ${applied.join(', ')})` : ''}`,
  );
});
