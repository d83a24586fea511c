import type { ColumnType, Generated } from 'kysely';
import type { Fixed, RecordedAt } from './columns.js';

type Json = ColumnType<unknown, string | null, never>;

export interface AuditLogTable {
  id: Generated<number>;
  at: RecordedAt;
  actor_id: Fixed<string>;
  action: Fixed<string>;
  entity_type: Fixed<string>;
  entity_id: Fixed<string>;
  before: Json;
  after: Json;
  request_id: Fixed<string | null>;
}
