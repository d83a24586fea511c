import type { QuestionKind } from '../../domain/questions.js';
import type { Defaulted, Fixed, RecordedAt } from './columns.js';

export interface QuestionsTable {
  id: Fixed<string>;
  key: Fixed<string | null>;
  title: string;
  description: Defaulted<string>;
  kind: Fixed<QuestionKind>;
  tags: Defaulted<string[]>;
  /** Forecasters see others' judgments on the question only after making their own. */
  blind: Defaulted<boolean>;
  recorded_at: RecordedAt;
  recorded_by: Fixed<string>;
}
