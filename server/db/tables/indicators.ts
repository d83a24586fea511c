import type { CalendarDate, Defaulted, Fixed, RecordedAt } from './columns.js';

export interface IndicatorsTable {
  id: Fixed<string>;
  question_id: Fixed<string>;
  key: Fixed<string | null>;
  position: Fixed<number>;
  title: string;
  description: Defaulted<string>;
  threshold: string | null;
  expected_by: CalendarDate | null;
  recorded_at: RecordedAt;
  recorded_by: Fixed<string>;
}
