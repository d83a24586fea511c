import type { CitationStance } from '../../domain/citations.js';
import type { Fixed, FixedDefaulted, RecordedAt } from './columns.js';

export interface CitationsTable {
  id: Fixed<string>;
  source_id: Fixed<string>;
  hypothesis_id: Fixed<string | null>;
  indicator_id: Fixed<string | null>;
  position: Fixed<number>;
  quote: Fixed<string>;
  /** The author's own words of likelihood, verbatim. */
  words: Fixed<string | null>;
  /** The ICD 203 phrase the words were read as. */
  reading: Fixed<string | null>;
  probability: Fixed<number | null>;
  probability_reason: Fixed<string | null>;
  /** Whether the quote argues for the hypothesis or against it. */
  stance: FixedDefaulted<CitationStance>;
  recorded_at: RecordedAt;
  recorded_by: Fixed<string>;
}
