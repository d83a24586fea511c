import type { QuestionKind } from '../../domain/questions.js';
import type { Defaulted, Fixed, RecordedAt } from './columns.js';

export interface QuestionsTable {
  id: Fixed<string>;
  key: Fixed<string | null>;
  title: string;
  description: Defaulted<string>;
  kind: Fixed<QuestionKind>;
  tags: Defaulted<string[]>;
  recorded_at: RecordedAt;
  recorded_by: Fixed<string>;
}
