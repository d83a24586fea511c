import type { Executor } from '../db/database.js';
import { notFound } from '../errors.js';
import { lockQuestion, type QuestionRow } from '../repositories/questions.js';

/**
 * The question, locked for the rest of the transaction: writes that move its model or check
 * its set are applied one at a time, in the order their transactions commit.
 */
export async function lockedQuestion(ex: Executor, id: string): Promise<QuestionRow> {
  const question = await lockQuestion(ex, id);
  if (!question) throw notFound('question', id);
  return question;
}
