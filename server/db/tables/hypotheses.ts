import type { CalendarDate, Fixed, FixedTime, RecordedAt } from './columns.js';

export interface HypothesesTable {
  id: Fixed<string>;
  question_id: Fixed<string>;
  key: Fixed<string | null>;
  position: Fixed<number>;
  title: string;
  statement: string;
  horizon: CalendarDate;
  resolution_criteria: string;
  /** As stated; an exclusive question's set is normalised when read (METHODS §3). */
  prior: Fixed<number>;
  opened_at: FixedTime;
  /** Why this horizon and prior: the analyst's judgment, stated as such. */
  rationale: string | null;
  recorded_at: RecordedAt;
  recorded_by: Fixed<string>;
}
