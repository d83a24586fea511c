import type { Kysely } from 'kysely';
import { appendOnly, runStatements } from './ddl.js';

export async function up(db: Kysely<unknown>) {
  await runStatements(db, [
    `create table indicators (
      id text primary key,
      question_id text not null constraint indicators_question_fk references questions (id),
      key text,
      position integer not null,
      title text not null constraint indicators_title_check check (btrim(title) <> ''),
      description text not null default '',
      threshold text,
      expected_by date,
      recorded_at timestamptz not null default now(),
      recorded_by text not null constraint indicators_recorded_by_fk references users (id),
      constraint indicators_question_key_key unique (question_id, key),
      constraint indicators_question_position_key unique (question_id, position),
      constraint indicators_id_question_key unique (id, question_id)
    )`,
    // One row per rating; a re-rating is a new row, so the matrix as it stood at any time is kept.
    // The question_id column lets the composite keys prove indicator and hypothesis share a question.
    `create table indicator_expectations (
      id text primary key,
      question_id text not null,
      indicator_id text not null,
      hypothesis_id text not null,
      expectation text not null
        constraint indicator_expectations_value_check check (expectation in ('HL', 'L', 'C', 'U', 'HU')),
      recorded_at timestamptz not null default now(),
      recorded_by text not null constraint indicator_expectations_recorded_by_fk references users (id),
      constraint indicator_expectations_indicator_fk foreign key (indicator_id, question_id)
        references indicators (id, question_id),
      constraint indicator_expectations_hypothesis_fk foreign key (hypothesis_id, question_id)
        references hypotheses (id, question_id)
    )`,
    `create index indicator_expectations_pair_idx
      on indicator_expectations (indicator_id, hypothesis_id, recorded_at)`,
    appendOnly('indicator_expectations'),
    `create table citations (
      id text primary key,
      source_id text not null constraint citations_source_fk references sources (id),
      hypothesis_id text constraint citations_hypothesis_fk references hypotheses (id),
      indicator_id text constraint citations_indicator_fk references indicators (id),
      position integer not null,
      quote text not null constraint citations_quote_check check (btrim(quote) <> ''),
      words text,
      reading text,
      probability double precision
        constraint citations_probability_check check (probability > 0 and probability < 1),
      probability_reason text,
      recorded_at timestamptz not null default now(),
      recorded_by text not null constraint citations_recorded_by_fk references users (id),
      constraint citations_owner_check check (num_nonnulls(hypothesis_id, indicator_id) = 1)
    )`,
    'create index citations_hypothesis_idx on citations (hypothesis_id) where hypothesis_id is not null',
    'create index citations_indicator_idx on citations (indicator_id) where indicator_id is not null',
  ]);
}

export async function down(db: Kysely<unknown>) {
  await runStatements(db, [
    'drop table citations',
    'drop table indicator_expectations',
    'drop table indicators',
  ]);
}
