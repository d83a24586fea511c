import type { ColumnType } from 'kysely';
import type { Fixed, RecordedAt } from './columns.js';

export interface ScenarioImportsTable {
  id: Fixed<string>;
  name: Fixed<string>;
  sha256: Fixed<string>;
  counts: ColumnType<Record<string, number>, string, never>;
  recorded_at: RecordedAt;
  recorded_by: Fixed<string>;
}
