import type { Expectation } from '../../domain/indicators.js';
import type { Fixed, RecordedAt } from './columns.js';

export interface IndicatorExpectationsTable {
  id: Fixed<string>;
  question_id: Fixed<string>;
  indicator_id: Fixed<string>;
  hypothesis_id: Fixed<string>;
  expectation: Fixed<Expectation>;
  recorded_at: RecordedAt;
  recorded_by: Fixed<string>;
}
