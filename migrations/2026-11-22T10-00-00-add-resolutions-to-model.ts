import type { Kysely } from 'kysely';
import { runStatements } from './ddl.js';

export async function up(db: Kysely<unknown>) {
  await runStatements(db, [
    // An exclusive set's resolved hypotheses leave the open ones the model renormalises over
    // (METHODS §3); the kept state remembers which, and a resolution is a step of the ledger.
    `alter table model_states add column closed jsonb not null default '{}'`,
    'alter table model_ledger drop constraint model_ledger_cause_type_check',
    `alter table model_ledger add constraint model_ledger_cause_type_check
      check (cause_type in ('evidence', 'observation', 'retraction', 'resolution'))`,
  ]);
}

export async function down(db: Kysely<unknown>) {
  await runStatements(db, [
    "delete from model_ledger where cause_type = 'resolution'",
    'alter table model_ledger drop constraint model_ledger_cause_type_check',
    `alter table model_ledger add constraint model_ledger_cause_type_check
      check (cause_type in ('evidence', 'observation', 'retraction'))`,
    'alter table model_states drop column closed',
  ]);
}
