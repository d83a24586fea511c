import type { Kysely } from 'kysely';
import { appendOnly, runStatements } from './ddl.js';

export async function up(db: Kysely<unknown>) {
  await runStatements(db, [
    // occurred_on is the valid time, recorded_at the recorded time (PRODUCT: two clocks).
    `create table evidence (
      id text primary key,
      question_id text not null constraint evidence_question_fk references questions (id),
      title text not null constraint evidence_title_check check (btrim(title) <> ''),
      summary text not null default '',
      occurred_on date not null,
      source_id text constraint evidence_source_fk references sources (id),
      reliability char(1) not null
        constraint evidence_reliability_check check (reliability in ('A', 'B', 'C', 'D', 'E', 'F')),
      credibility smallint not null
        constraint evidence_credibility_check check (credibility between 1 and 6),
      relevance text not null default 'medium'
        constraint evidence_relevance_check check (relevance in ('high', 'medium', 'low')),
      recorded_at timestamptz not null default now(),
      recorded_by text not null constraint evidence_recorded_by_fk references users (id),
      constraint evidence_id_question_key unique (id, question_id)
    )`,
    'create index evidence_valid_time_idx on evidence (question_id, occurred_on, recorded_at)',
    'create index evidence_log_idx on evidence (question_id, recorded_at desc)',
    appendOnly('evidence'),
    `create table evidence_ratings (
      evidence_id text not null,
      hypothesis_id text not null,
      question_id text not null,
      rating text not null
        constraint evidence_ratings_rating_check check (rating in ('CC', 'C', 'N', 'I', 'II', 'NA')),
      likelihood_ratio double precision
        constraint evidence_ratings_lr_check check (likelihood_ratio > 0),
      constraint evidence_ratings_pkey primary key (evidence_id, hypothesis_id),
      constraint evidence_ratings_evidence_fk foreign key (evidence_id, question_id)
        references evidence (id, question_id),
      constraint evidence_ratings_hypothesis_fk foreign key (hypothesis_id, question_id)
        references hypotheses (id, question_id)
    )`,
    'create index evidence_ratings_hypothesis_idx on evidence_ratings (hypothesis_id)',
    appendOnly('evidence_ratings'),
    `create table evidence_retractions (
      evidence_id text primary key constraint evidence_retractions_evidence_fk references evidence (id),
      reason text not null constraint evidence_retractions_reason_check check (btrim(reason) <> ''),
      recorded_at timestamptz not null default now(),
      recorded_by text not null constraint evidence_retractions_recorded_by_fk references users (id)
    )`,
    appendOnly('evidence_retractions'),
    `create table indicator_observations (
      id text primary key,
      indicator_id text not null constraint indicator_observations_indicator_fk references indicators (id),
      evidence_id text constraint indicator_observations_evidence_fk references evidence (id),
      status text not null constraint indicator_observations_status_check check (status in
        ('NOT_OBSERVED', 'NO_INFORMATION', 'EMERGING', 'OBSERVED', 'RECEDING', 'EXPIRED')),
      observed_at timestamptz not null,
      note text not null default '',
      recorded_at timestamptz not null default now(),
      recorded_by text not null constraint indicator_observations_recorded_by_fk references users (id)
    )`,
    `create index indicator_observations_time_idx
      on indicator_observations (indicator_id, observed_at, recorded_at)`,
    'create index indicator_observations_evidence_idx on indicator_observations (evidence_id)',
    appendOnly('indicator_observations'),
  ]);
}

export async function down(db: Kysely<unknown>) {
  await runStatements(db, [
    'drop table indicator_observations',
    'drop table evidence_retractions',
    'drop table evidence_ratings',
    'drop table evidence',
  ]);
}
