import type { Kysely } from 'kysely';
import { runStatements } from './ddl.js';

export async function up(db: Kysely<unknown>) {
  await runStatements(db, [
    `create table questions (
      id text primary key,
      key text constraint questions_key_key unique,
      title text not null constraint questions_title_check check (btrim(title) <> ''),
      description text not null default '',
      kind text not null constraint questions_kind_check check (kind in ('exclusive', 'independent')),
      tags text[] not null default '{}',
      recorded_at timestamptz not null default now(),
      recorded_by text not null constraint questions_recorded_by_fk references users (id)
    )`,
    'create index questions_tags_idx on questions using gin (tags)',
    `create table hypotheses (
      id text primary key,
      question_id text not null constraint hypotheses_question_fk references questions (id),
      key text,
      position integer not null,
      title text not null constraint hypotheses_title_check check (btrim(title) <> ''),
      statement text not null constraint hypotheses_statement_check check (btrim(statement) <> ''),
      horizon date not null,
      resolution_criteria text not null
        constraint hypotheses_criteria_check check (btrim(resolution_criteria) <> ''),
      prior double precision not null constraint hypotheses_prior_check check (prior > 0 and prior < 1),
      opened_at timestamptz not null,
      recorded_at timestamptz not null default now(),
      recorded_by text not null constraint hypotheses_recorded_by_fk references users (id),
      constraint hypotheses_question_key_key unique (question_id, key),
      constraint hypotheses_question_position_key unique (question_id, position),
      constraint hypotheses_id_question_key unique (id, question_id)
    )`,
    `create table sources (
      id text primary key,
      key text constraint sources_key_key unique,
      title text not null constraint sources_title_check check (btrim(title) <> ''),
      author text,
      publisher text,
      url text,
      document text,
      published_on date,
      recorded_at timestamptz not null default now(),
      recorded_by text not null constraint sources_recorded_by_fk references users (id)
    )`,
    'create index sources_url_idx on sources (url)',
  ]);
}

export async function down(db: Kysely<unknown>) {
  await runStatements(db, ['drop table sources', 'drop table hypotheses', 'drop table questions']);
}
