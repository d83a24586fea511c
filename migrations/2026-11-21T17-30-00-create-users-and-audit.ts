import type { Kysely } from 'kysely';
import { appendOnly, runStatements } from './ddl.js';

export async function up(db: Kysely<unknown>) {
  await runStatements(db, [
    `create table users (
      id text primary key,
      username text not null constraint users_username_key unique,
      display_name text not null,
      role text not null
        constraint users_role_check check (role in ('viewer', 'analyst', 'reviewer', 'admin', 'system')),
      recorded_at timestamptz not null default now()
    )`,
    // The built-in actors: 'system' writes what Signpost does by itself (loading built-in
    // scenarios, the model); 'local' is whoever uses this installation until accounts exist.
    `insert into users (id, username, display_name, role) values
      ('u_system', 'system', 'Signpost', 'system'),
      ('u_local', 'local', 'Local user', 'admin')`,
    `create table audit_log (
      id bigint generated always as identity primary key,
      at timestamptz not null default now(),
      actor_id text not null constraint audit_log_actor_fk references users (id),
      action text not null,
      entity_type text not null,
      entity_id text not null,
      before jsonb,
      after jsonb,
      request_id text
    )`,
    'create index audit_log_entity_idx on audit_log (entity_type, entity_id, id)',
    'create index audit_log_at_idx on audit_log (at)',
    // Append-only tables refuse UPDATE and DELETE in the database itself, not just in code.
    `create function signpost_forbid_change() returns trigger language plpgsql as $$
      begin
        raise exception 'table % is append-only: retract or supersede instead', tg_table_name
          using errcode = 'raise_exception';
      end
    $$`,
    appendOnly('audit_log'),
  ]);
}

export async function down(db: Kysely<unknown>) {
  await runStatements(db, [
    'drop table audit_log',
    'drop function signpost_forbid_change()',
    'drop table users',
  ]);
}
