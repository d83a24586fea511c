import type { CalendarDate, Fixed, RecordedAt } from './columns.js';

export interface SourcesTable {
  id: Fixed<string>;
  key: Fixed<string | null>;
  title: string;
  author: string | null;
  publisher: string | null;
  url: string | null;
  /** The source's text, as a file name in the source documents folder. */
  document: string | null;
  published_on: CalendarDate | null;
  /** How published_on was established when the source does not state it. */
  date_note: string | null;
  recorded_at: RecordedAt;
  recorded_by: Fixed<string>;
}
