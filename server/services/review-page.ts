import type { Executor } from '../db/database.js';
import { AppError, type FieldProblem } from '../errors.js';
import { allTags, findQuestions } from '../repositories/questions.js';
import type { ScoresQuery } from '../schemas/scores.js';
import { type Forecaster, forecasterDirectory } from './forecasters.js';
import { computeScores, type ScoreComputation } from './scores.js';

export interface ReviewPage extends ScoreComputation {
  /** What the filter form offers. */
  questions: { id: string; title: string }[];
  tags: string[];
  forecasters: Forecaster[];
  /** Filters the scores refused; the page shows every resolved hypothesis instead. */
  problems: FieldProblem[];
}

/**
 * The review page's scores (the same computation as /api/scores) and its filter choices. A
 * filter naming something unknown does not cost the reader the page: it is reported, and the
 * page scores without the filters.
 */
export async function readReviewPage(ex: Executor, query: ScoresQuery): Promise<ReviewPage> {
  const [directory, questions, tags] = await Promise.all([
    forecasterDirectory(ex),
    findQuestions(ex, {}),
    allTags(ex),
  ]);
  let problems: FieldProblem[] = [];
  let computation: ScoreComputation;
  try {
    computation = await computeScores(ex, query, directory);
  } catch (error) {
    if (!(error instanceof AppError) || error.code !== 'invalid_request') throw error;
    problems = error.problems;
    const { horizon, as_of } = query;
    computation = await computeScores(ex, { horizon, as_of, reference: 'constant' }, directory);
  }
  return {
    ...computation,
    questions: questions.map((q) => ({ id: q.id, title: q.title })),
    tags,
    forecasters: [...directory.values()],
    problems,
  };
}
