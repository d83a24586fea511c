import { randomBytes } from 'node:crypto';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { type DatabaseHandle, openDatabase } from '../../server/db/connect.js';
import { migrateToLatest } from '../../server/db/migrate.js';

export interface TestDatabase extends DatabaseHandle {
  kind: 'postgres' | 'pglite';
  /** How a child process reaches the same database (for start-up tests). */
  env: { DATABASE_URL?: string; SIGNPOST_DATA_DIR?: string };
}

/** A URL whose connections use `schema` first; pg passes `options` to the server. */
export function urlWithSchema(url: string, schema: string): string {
  const u = new URL(url);
  u.searchParams.set('options', `-c search_path=${schema}`);
  return u.toString();
}

async function adminQuery(url: string, text: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

/** A fresh empty folder, holding a copy of the run's migrated template when there is one. */
export function freshDataDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'signpost-test-'));
  const template = process.env.SIGNPOST_TEST_TEMPLATE;
  if (template) cpSync(join(template, 'pg'), join(dir, 'pg'), { recursive: true });
  return dir;
}

export interface TestDatabaseLocation {
  kind: 'postgres' | 'pglite';
  /** How the app (in this process or a child) reaches it. */
  env: { DATABASE_URL?: string; SIGNPOST_DATA_DIR?: string };
  remove(): Promise<void>;
}

/**
 * A place for a database of its own: a new schema on the PostgreSQL server at `serverUrl`
 * (DATABASE_URL unless given), otherwise a folder holding a copy of the run's migrated PGlite
 * template.
 */
export async function newTestDatabaseLocation(
  serverUrl = process.env.DATABASE_URL,
): Promise<TestDatabaseLocation> {
  if (serverUrl) {
    const schema = `signpost_test_${randomBytes(6).toString('hex')}`;
    await adminQuery(serverUrl, `create schema ${schema}`);
    return {
      kind: 'postgres',
      env: { DATABASE_URL: urlWithSchema(serverUrl, schema) },
      remove: () => adminQuery(serverUrl, `drop schema ${schema} cascade`),
    };
  }
  const dir = freshDataDir();
  return {
    kind: 'pglite',
    env: { SIGNPOST_DATA_DIR: dir },
    remove: async () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** A migrated database of its own for one test file; closing it removes it. */
export async function openTestDatabase(): Promise<TestDatabase> {
  const location = await newTestDatabaseLocation();
  const handle = await openDatabase({
    databaseUrl: location.env.DATABASE_URL,
    dataDir: location.env.SIGNPOST_DATA_DIR ?? '',
  });
  await migrateToLatest(handle.db);
  return {
    ...handle,
    kind: location.kind,
    env: location.env,
    close: async () => {
      await handle.close();
      await location.remove();
    },
  };
}
