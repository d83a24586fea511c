import type { ColumnType } from 'kysely';
import type { RecordedAt } from './columns.js';

export interface IdempotencyKeysTable {
  actor_id: string;
  key: string;
  request_hash: string;
  /** Null while the first request is still being handled. */
  status: number | null;
  body: ColumnType<unknown, string | null, string | null>;
  recorded_at: RecordedAt;
}
