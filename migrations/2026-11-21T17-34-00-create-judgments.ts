import type { Kysely } from 'kysely';
import { appendOnly, runStatements } from './ddl.js';

export async function up(db: Kysely<unknown>) {
  await runStatements(db, [
    // A forecast by an analyst, the model, or a cited source (the author's stated likelihood).
    // valid_at is the time the judgment speaks for; recorded_at when Signpost learned it.
    `create table assessments (
      id text primary key,
      hypothesis_id text not null constraint assessments_hypothesis_fk references hypotheses (id),
      forecaster_kind text not null
        constraint assessments_forecaster_kind_check check (forecaster_kind in ('analyst', 'model', 'source')),
      analyst_id text constraint assessments_analyst_fk references users (id),
      citation_id text constraint assessments_citation_fk references citations (id),
      probability double precision not null
        constraint assessments_probability_check check (probability > 0 and probability < 1),
      rationale text not null default '',
      set_id text,
      valid_at timestamptz not null,
      recorded_at timestamptz not null default now(),
      recorded_by text not null constraint assessments_recorded_by_fk references users (id),
      constraint assessments_analyst_check check ((forecaster_kind = 'analyst') = (analyst_id is not null)),
      constraint assessments_source_check check ((forecaster_kind = 'source') = (citation_id is not null))
    )`,
    'create index assessments_series_idx on assessments (hypothesis_id, forecaster_kind, valid_at, recorded_at)',
    'create index assessments_set_idx on assessments (set_id) where set_id is not null',
    appendOnly('assessments'),
    `create table assessment_retractions (
      assessment_id text primary key constraint assessment_retractions_assessment_fk references assessments (id),
      reason text not null constraint assessment_retractions_reason_check check (btrim(reason) <> ''),
      recorded_at timestamptz not null default now(),
      recorded_by text not null constraint assessment_retractions_recorded_by_fk references users (id)
    )`,
    appendOnly('assessment_retractions'),
    // Re-resolving appends a row that supersedes the previous one, with a reason.
    `create table resolutions (
      id text primary key,
      hypothesis_id text not null constraint resolutions_hypothesis_fk references hypotheses (id),
      outcome text not null constraint resolutions_outcome_check check (outcome in ('true', 'false', 'annulled')),
      resolved_at timestamptz not null,
      note text not null default '',
      evidence_id text constraint resolutions_evidence_fk references evidence (id),
      supersedes_id text constraint resolutions_supersedes_fk references resolutions (id)
        constraint resolutions_supersedes_key unique,
      reason text,
      recorded_at timestamptz not null default now(),
      recorded_by text not null constraint resolutions_recorded_by_fk references users (id),
      constraint resolutions_reason_check check (supersedes_id is null or btrim(coalesce(reason, '')) <> '')
    )`,
    'create index resolutions_hypothesis_idx on resolutions (hypothesis_id, recorded_at)',
    appendOnly('resolutions'),
  ]);
}

export async function down(db: Kysely<unknown>) {
  await runStatements(db, [
    'drop table resolutions',
    'drop table assessment_retractions',
    'drop table assessments',
  ]);
}
