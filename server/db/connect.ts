import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { Kysely, PGliteDialect, PostgresDialect } from 'kysely';
import pg from 'pg';
import { lockDataFolder } from './data-folder-lock.js';
import type { Database, Db } from './database.js';

export class DatabaseUnavailableError extends Error {}

export interface DatabaseHandle {
  db: Db;
  /** Where the data lives, for the start-up line (no credentials). */
  description: string;
  close(): Promise<void>;
}

export interface DatabaseOptions {
  /** PostgreSQL through `pg` when set; embedded PGlite in `dataDir` when not. */
  databaseUrl?: string | undefined;
  dataDir: string;
  /** Opening an embedded folder once hung for minutes; fail with a reason instead. */
  startTimeoutMs?: number;
}

const DATE_OID = 1082;
const INT8_OID = 20;
// Calendar dates stay 'YYYY-MM-DD' (pg would make a local-midnight Date), and bigint/count(*)
// become numbers in both drivers, so nothing above this folder sees the difference.
const keepDate = (value: string) => value;
const toNumber = (value: string) => Number(value);

export async function openDatabase(options: DatabaseOptions): Promise<DatabaseHandle> {
  return options.databaseUrl
    ? openPostgres(options.databaseUrl)
    : openEmbedded(options.dataDir, options.startTimeoutMs ?? 60_000);
}

export function describePostgresUrl(url: string): string {
  const u = new URL(url);
  return `PostgreSQL at ${u.hostname}:${u.port || 5432}${u.pathname}`;
}

async function openPostgres(url: string): Promise<DatabaseHandle> {
  const pool = new pg.Pool({
    connectionString: url,
    // Named, so an operator can tell the app's connections apart in pg_stat_activity.
    application_name: 'signpost',
    max: 10,
    connectionTimeoutMillis: 5_000,
    types: {
      getTypeParser: ((oid: number, format?: 'text' | 'binary') => {
        if (oid === DATE_OID) return keepDate;
        if (oid === INT8_OID) return toNumber;
        return pg.types.getTypeParser(oid, format);
      }) as typeof pg.types.getTypeParser,
    },
  });
  const description = describePostgresUrl(url);
  // A client losing its server must not crash the process, whether idle in the pool or held by a
  // request between two queries: the request's next query fails and is answered 503, and the pool
  // replaces the client.
  const report = (error: Error) => console.error(`signpost: ${description}: ${error.message}`);
  pool.on('connect', (client) => client.on('error', report));
  // The pool passes on an idle client's error too; the client's own listener has reported it.
  pool.on('error', () => undefined);
  try {
    await pool.query('select 1');
  } catch (error) {
    await pool.end();
    throw new DatabaseUnavailableError(
      `cannot reach ${description}: ${(error as Error).message || (error as Error).name}`,
    );
  }
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return { db, description, close: () => db.destroy() };
}

async function openEmbedded(dataDir: string, timeoutMs: number): Promise<DatabaseHandle> {
  const dir = resolve(dataDir);
  mkdirSync(dir, { recursive: true });
  const release = lockDataFolder(dir);
  const pgDir = join(dir, 'pg');
  try {
    const pglite = new PGlite(pgDir, {
      parsers: { [DATE_OID]: keepDate, [INT8_OID]: toNumber },
      // Reserved at once rather than grown (and copied) step by step while it opens.
      initialMemory: 256 * 2 ** 20,
    });
    await withTimeout(
      pglite.waitReady,
      timeoutMs,
      `the embedded database in ${pgDir} did not open within ${timeoutMs / 1000} s`,
    );
    const db = new Kysely<Database>({ dialect: new PGliteDialect({ pglite }) });
    const close = async () => {
      await db.destroy();
      release();
    };
    return { db, description: `embedded PostgreSQL (PGlite) in ${pgDir}`, close };
  } catch (error) {
    release();
    throw error;
  }
}

async function withTimeout<T>(promise: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new DatabaseUnavailableError(message)), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
