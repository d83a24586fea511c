import type { Kysely } from 'kysely';
import { runStatements } from './ddl.js';

export async function up(db: Kysely<unknown>) {
  await runStatements(db, [
    // Why this horizon and this prior: an analytic judgment, kept beside the numbers it explains.
    'alter table hypotheses add column rationale text',
    // A source that does not date itself gets an estimated date, and the note says how.
    'alter table sources add column date_note text',
    // Where sources disagree both are cited; the stance says which way a citation argues.
    `alter table citations add column stance text not null default 'supports'
      constraint citations_stance_check check (stance in ('supports', 'opposes'))`,
  ]);
}

export async function down(db: Kysely<unknown>) {
  await runStatements(db, [
    'alter table citations drop column stance',
    'alter table sources drop column date_note',
    'alter table hypotheses drop column rationale',
  ]);
}
