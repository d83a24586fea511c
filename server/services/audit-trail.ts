import type { Actor } from '../actor.js';
import type { Executor } from '../db/database.js';
import { listAuditEntries } from '../repositories/audit-trail.js';
import type { AuditEntry, AuditQuery } from '../schemas/audit.js';
import { startOf } from '../schemas/common.js';
import { authorize } from './authorize.js';

/** The most a CSV export of the trail carries; narrow the filter for more. */
export const AUDIT_EXPORT_LIMIT = 100_000;

/** Audit entries matching a filter, newest first, with the cursor to the next page. */
export async function readAuditTrail(
  ex: Executor,
  actor: Actor,
  query: Omit<AuditQuery, 'format'>,
  limit = query.limit,
) {
  authorize(actor, 'audit.read');
  const rows = await listAuditEntries(
    ex,
    {
      actor: query.actor,
      action: query.action,
      entityType: query.entity_type,
      entityId: query.entity_id,
      requestId: query.request_id,
      from: query.from ? startOf(query.from) : undefined,
      // A date as the upper bound includes that whole day.
      to: query.to ? endOf(query.to) : undefined,
      before: query.before,
    },
    limit + 1,
  );
  const entries: AuditEntry[] = rows.slice(0, limit).map((r) => ({
    ...r,
    id: Number(r.id),
    at: r.at.toISOString(),
    before: r.before ?? null,
    after: r.after ?? null,
  }));
  const last = entries.at(-1);
  return { entries, next_before: rows.length > limit && last ? last.id : null };
}

function endOf(value: string): Date {
  return value.length === 10 ? new Date(startOf(value).getTime() + 86_400_000) : new Date(value);
}

/** The trail as CSV rows: before and after as JSON text. */
export function auditCsvRows(entries: AuditEntry[]) {
  return entries.map((e) => ({
    ...e,
    before: e.before === null ? '' : JSON.stringify(e.before),
    after: e.after === null ? '' : JSON.stringify(e.after),
  }));
}
