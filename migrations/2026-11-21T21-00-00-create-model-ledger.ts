import type { Kysely } from 'kysely';
import { runStatements } from './ddl.js';

export async function up(db: Kysely<unknown>) {
  await runStatements(db, [
    // Derived, not a record of facts: the model's current state per question, so appending an
    // evidence item costs work in the question's hypotheses, not in its history. Evidence,
    // observations and retractions (append-only) rebuild it whenever a question is recomputed.
    `create table model_states (
      question_id text primary key constraint model_states_question_fk references questions (id),
      probabilities jsonb not null,
      applied jsonb not null,
      last_valid_on date,
      last_recorded_at timestamptz,
      next_seq integer not null,
      computed_at timestamptz not null default now()
    )`,
    // The update ledger (METHODS §3): what each event did to each hypothesis and why. Derived
    // like model_states, and rewritten for a question when a retraction or a backdated item
    // recomputes it; the as-of views replay the facts instead of reading it.
    `create table model_ledger (
      question_id text not null constraint model_ledger_question_fk references questions (id),
      seq integer not null,
      hypothesis_id text not null constraint model_ledger_hypothesis_fk references hypotheses (id),
      cause_type text not null
        constraint model_ledger_cause_type_check check (cause_type in ('evidence', 'observation', 'retraction')),
      cause_id text not null,
      valid_at timestamptz not null,
      cause_recorded_at timestamptz not null,
      rating text,
      weight double precision,
      factor double precision,
      p_before double precision not null,
      p_after double precision not null,
      parts jsonb not null,
      constraint model_ledger_pkey primary key (question_id, seq, hypothesis_id)
    )`,
    'create index model_ledger_hypothesis_idx on model_ledger (hypothesis_id, seq)',
    'create index model_ledger_cause_idx on model_ledger (cause_id)',
  ]);
}

export async function down(db: Kysely<unknown>) {
  await runStatements(db, ['drop table model_ledger', 'drop table model_states']);
}
