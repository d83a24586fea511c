import type { Fixed, RecordedAt } from './columns.js';

interface Retraction {
  reason: Fixed<string>;
  recorded_at: RecordedAt;
  recorded_by: Fixed<string>;
}

export interface EvidenceRetractionsTable extends Retraction {
  evidence_id: Fixed<string>;
}

export interface AssessmentRetractionsTable extends Retraction {
  assessment_id: Fixed<string>;
}
