import { type Kysely, sql } from 'kysely';

/**
 * Runs DDL one statement at a time: PGlite's extended protocol takes a single statement per
 * query. Kept beside the migrations and never changed once a migration uses it, like them.
 */
export async function runStatements(db: Kysely<unknown>, statements: readonly string[]) {
  for (const statement of statements) await sql.raw(statement).execute(db);
}

/** A trigger that makes the database itself refuse UPDATE and DELETE on an append-only table. */
export function appendOnly(table: string): string {
  return `create trigger ${table}_append_only before update or delete on ${table}
    for each row execute function signpost_forbid_change()`;
}
