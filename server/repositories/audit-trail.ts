import type { Executor } from '../db/database.js';

export interface AuditFilter {
  actor?: string | undefined;
  action?: string | undefined;
  entityType?: string | undefined;
  entityId?: string | undefined;
  requestId?: string | undefined;
  from?: Date | undefined;
  to?: Date | undefined;
  before?: number | undefined;
}

/** Audit entries newest first, with the actor's username; `limit` rows at most. */
export async function listAuditEntries(ex: Executor, f: AuditFilter, limit: number) {
  return ex
    .selectFrom('audit_log as a')
    .innerJoin('users as u', 'u.id', 'a.actor_id')
    .select([
      'a.id',
      'a.at',
      'a.actor_id',
      'u.username as actor',
      'a.action',
      'a.entity_type',
      'a.entity_id',
      'a.before',
      'a.after',
      'a.request_id',
    ])
    .$if(f.actor !== undefined, (q) =>
      q.where((eb) =>
        eb.or([eb('a.actor_id', '=', f.actor as string), eb('u.username', '=', f.actor as string)]),
      ),
    )
    .$if(f.action !== undefined, (q) =>
      (f.action as string).endsWith('.')
        ? q.where('a.action', 'like', `${(f.action as string).replace(/[\\%_]/g, '\\$&')}%`)
        : q.where('a.action', '=', f.action as string),
    )
    .$if(f.entityType !== undefined, (q) => q.where('a.entity_type', '=', f.entityType as string))
    .$if(f.entityId !== undefined, (q) => q.where('a.entity_id', '=', f.entityId as string))
    .$if(f.requestId !== undefined, (q) => q.where('a.request_id', '=', f.requestId as string))
    .$if(f.from !== undefined, (q) => q.where('a.at', '>=', f.from as Date))
    .$if(f.to !== undefined, (q) => q.where('a.at', '<', f.to as Date))
    .$if(f.before !== undefined, (q) => q.where('a.id', '<', f.before as number))
    .orderBy('a.id', 'desc')
    .limit(limit)
    .execute();
}
