import type { CalendarDate, Fixed, FixedDefaulted, RecordedAt } from './columns.js';

export interface EvidenceTable {
  id: Fixed<string>;
  question_id: Fixed<string>;
  title: Fixed<string>;
  summary: FixedDefaulted<string>;
  occurred_on: CalendarDate;
  source_id: Fixed<string | null>;
  reliability: Fixed<'A' | 'B' | 'C' | 'D' | 'E' | 'F'>;
  credibility: Fixed<number>;
  relevance: FixedDefaulted<'high' | 'medium' | 'low'>;
  recorded_at: RecordedAt;
  recorded_by: Fixed<string>;
}
