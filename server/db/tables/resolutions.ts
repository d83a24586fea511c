import type { Outcome } from '../../domain/questions.js';
import type { Fixed, FixedDefaulted, FixedTime, RecordedAt } from './columns.js';

export interface ResolutionsTable {
  id: Fixed<string>;
  hypothesis_id: Fixed<string>;
  outcome: Fixed<Outcome>;
  resolved_at: FixedTime;
  note: FixedDefaulted<string>;
  evidence_id: Fixed<string | null>;
  supersedes_id: Fixed<string | null>;
  reason: Fixed<string | null>;
  /** The resolution of a sibling (resolved true) that implied this one, in an exclusive set. */
  implied_by: Fixed<string | null>;
  recorded_at: RecordedAt;
  recorded_by: Fixed<string>;
}
