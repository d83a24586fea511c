import type { Actor } from '../actor.js';
import type { Executor } from '../db/database.js';
import type { Write } from '../db/one-statement.js';

export interface AuditEntry {
  action: string;
  entity_type: string;
  entity_id: string;
  before?: unknown;
  after?: unknown;
}

/** The audit entry for a row just created, e.g. `created('hypothesis', row)`. */
export function created(entityType: string, row: { id: string }, after: unknown = row): AuditEntry {
  return { action: `${entityType}.create`, entity_type: entityType, entity_id: row.id, after };
}

/** The insert of one audit row per entry, to run alone or with other writes (see writeTogether). */
export function auditInsert(ex: Executor, actor: Actor, entries: AuditEntry[]): Write {
  return ex.insertInto('audit_log').values(
    entries.map((e) => ({
      actor_id: actor.userId,
      action: e.action,
      entity_type: e.entity_type,
      entity_id: e.entity_id,
      before: e.before === undefined ? null : JSON.stringify(e.before),
      after: e.after === undefined ? null : JSON.stringify(e.after),
      request_id: actor.requestId ?? null,
    })),
  );
}

/** Appends one audit row per entry, in the caller's transaction. */
export async function recordAudit(ex: Executor, actor: Actor, entries: AuditEntry[]) {
  if (entries.length > 0) await auditInsert(ex, actor, entries).execute();
}
