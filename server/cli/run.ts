import type { Config } from '../config.js';
import { loadConfig } from '../config.js';
import { type DatabaseHandle, openDatabase } from '../db/connect.js';
import { migrateToLatest } from '../db/migrate.js';
import { describeProblems } from '../errors.js';

/**
 * Runs a command against the configured database, migrated: failures print as plain lines
 * (no stack trace) and set the exit code.
 */
export async function runWithDatabase(
  command: (handle: DatabaseHandle, config: Config, migrated: string[]) => Promise<void>,
  options: { keepOpen?: boolean } = {},
): Promise<void> {
  let handle: DatabaseHandle | undefined;
  try {
    const config = loadConfig();
    handle = await openDatabase(config);
    const migrated = await migrateToLatest(handle.db);
    await command(handle, config, migrated);
    if (!options.keepOpen) await handle.close();
  } catch (error) {
    for (const line of describeProblems(error)) console.error(`signpost: ${line}`);
    await handle?.close().catch(() => undefined);
    process.exitCode = 1;
  }
}
