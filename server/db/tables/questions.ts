import type { QuestionKind } from '../../domain/questions.js';
import type { Fixed, RecordedAt } from './columns.js';

export interface QuestionsTable {
  id: Fixed<string>;
  key: Fixed<string | null>;
  title: string;
  description: string;
  kind: Fixed<QuestionKind>;
  tags: string[];
  recorded_at: RecordedAt;
  recorded_by: Fixed<string>;
}
