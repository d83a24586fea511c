import type { Kysely } from 'kysely';
import { runStatements } from './ddl.js';

export async function up(db: Kysely<unknown>) {
  await runStatements(db, [
    // Resolving one hypothesis of an exclusive question true resolves its siblings false; each
    // sibling's row names the resolution that implied it.
    `alter table resolutions add column implied_by text
      constraint resolutions_implied_by_fk references resolutions (id)`,
  ]);
}

export async function down(db: Kysely<unknown>) {
  await runStatements(db, ['alter table resolutions drop column implied_by']);
}
