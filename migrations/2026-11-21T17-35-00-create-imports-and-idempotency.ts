import type { Kysely } from 'kysely';
import { runStatements } from './ddl.js';

export async function up(db: Kysely<unknown>) {
  await runStatements(db, [
    // Provenance of every scenario file that added something, and the content it had.
    `create table scenario_imports (
      id text primary key,
      name text not null,
      sha256 text not null,
      counts jsonb not null,
      recorded_at timestamptz not null default now(),
      recorded_by text not null constraint scenario_imports_recorded_by_fk references users (id)
    )`,
    'create index scenario_imports_sha256_idx on scenario_imports (sha256)',
    // The first response to a write sent with an Idempotency-Key, replayed for retries.
    `create table idempotency_keys (
      actor_id text not null constraint idempotency_keys_actor_fk references users (id),
      key text not null,
      request_hash text not null,
      status integer,
      body jsonb,
      recorded_at timestamptz not null default now(),
      constraint idempotency_keys_pkey primary key (actor_id, key)
    )`,
  ]);
}

export async function down(db: Kysely<unknown>) {
  await runStatements(db, ['drop table idempotency_keys', 'drop table scenario_imports']);
}
