import { runWithDatabase } from './run.js';

await runWithDatabase(async (handle, _config, migrated) => {
  const applied = migrated.length ? `; applied ${migrated.join(', ')}` : '; nothing to apply';
  console.log(`signpost: ${handle.description} is at the latest schema${applied}`);
});
