import type { Kysely } from 'kysely';
import { runStatements } from './ddl.js';

export async function up(db: Kysely<unknown>) {
  await runStatements(db, [
    // A deactivated user keeps their records and attribution but can no longer sign in.
    'alter table users add column deactivated_at timestamptz',
    // Whoever used the installation before accounts existed stays as the author of what they
    // wrote; nobody can act as them any more.
    "update users set deactivated_at = now() where id = 'u_local'",
    // Apart from users so that nothing that reads users (exports, pages) can carry a hash.
    `create table user_credentials (
      user_id text primary key constraint user_credentials_user_fk references users (id),
      password_hash text not null,
      must_change boolean not null,
      changed_at timestamptz not null default now()
    )`,
    // The cookie carries a random token; only its SHA-256 is stored, so a read of this table
    // cannot be replayed as a session.
    `create table sessions (
      id text primary key,
      token_hash text not null constraint sessions_token_hash_key unique,
      user_id text not null constraint sessions_user_fk references users (id),
      csrf_token text not null,
      created_at timestamptz not null default now(),
      last_seen_at timestamptz not null default now(),
      expires_at timestamptz not null,
      ended_at timestamptz,
      ended_reason text
    )`,
    'create index sessions_user_idx on sessions (user_id)',
    `create table api_tokens (
      id text primary key,
      user_id text not null constraint api_tokens_user_fk references users (id),
      name text not null,
      role text not null
        constraint api_tokens_role_check check (role in ('viewer', 'analyst', 'reviewer', 'admin')),
      token_hash text not null constraint api_tokens_token_hash_key unique,
      prefix text not null,
      created_at timestamptz not null default now(),
      created_by text not null constraint api_tokens_created_by_fk references users (id),
      last_used_at timestamptz,
      revoked_at timestamptz,
      revoked_by text constraint api_tokens_revoked_by_fk references users (id)
    )`,
    'create index api_tokens_user_idx on api_tokens (user_id)',
    // Blind mode: forecasters see others' judgments on the question only after their own.
    'alter table questions add column blind boolean not null default false',
    'create index audit_log_actor_idx on audit_log (actor_id, id)',
    'create index audit_log_request_idx on audit_log (request_id)',
  ]);
}

export async function down(db: Kysely<unknown>) {
  await runStatements(db, [
    'drop index audit_log_request_idx',
    'drop index audit_log_actor_idx',
    'alter table questions drop column blind',
    'drop table api_tokens',
    'drop table sessions',
    'drop table user_credentials',
    'alter table users drop column deactivated_at',
  ]);
}
