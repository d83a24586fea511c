import type { Fixed, FixedDefaulted, FixedTime, RecordedAt } from './columns.js';

export type ForecasterKind = 'analyst' | 'model' | 'source';

export interface AssessmentsTable {
  id: Fixed<string>;
  hypothesis_id: Fixed<string>;
  forecaster_kind: Fixed<ForecasterKind>;
  analyst_id: Fixed<string | null>;
  citation_id: Fixed<string | null>;
  probability: Fixed<number>;
  rationale: FixedDefaulted<string>;
  /** Shared by the rows of one judgment on an exclusive set. */
  set_id: Fixed<string | null>;
  valid_at: FixedTime;
  recorded_at: RecordedAt;
  recorded_by: Fixed<string>;
}
