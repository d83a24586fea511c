import type { IndicatorStatus } from '../../domain/indicators.js';
import type { Fixed, FixedDefaulted, FixedTime, RecordedAt } from './columns.js';

export interface IndicatorObservationsTable {
  id: Fixed<string>;
  indicator_id: Fixed<string>;
  evidence_id: Fixed<string | null>;
  status: Fixed<IndicatorStatus>;
  observed_at: FixedTime;
  note: FixedDefaulted<string>;
  recorded_at: RecordedAt;
  recorded_by: Fixed<string>;
}
