import type { CalendarDate, Fixed, RecordedAt } from './columns.js';

export interface SourcesTable {
  id: Fixed<string>;
  key: Fixed<string | null>;
  title: string;
  author: string | null;
  publisher: string | null;
  url: string | null;
  /** A document shipped with the scenarios, as a path relative to their folder. */
  document: string | null;
  published_on: CalendarDate | null;
  recorded_at: RecordedAt;
  recorded_by: Fixed<string>;
}
