import type { Actor } from '../actor.js';
import type { Executor } from '../db/database.js';
import { notFound } from '../errors.js';
import { currentAnalystJudgments } from '../repositories/assessments.js';
import { listCitations } from '../repositories/citations.js';
import { countEvidence } from '../repositories/evidence.js';
import { findHypothesis } from '../repositories/hypotheses.js';
import { currentExpectations, currentStatuses } from '../repositories/indicators.js';
import { listMembers } from '../repositories/question-members.js';
import { findQuestions, type QuestionFilter, type QuestionRow } from '../repositories/questions.js';
import { currentResolutions } from '../repositories/resolutions.js';
import { findSources } from '../repositories/sources.js';
import type { HypothesisView, QuestionView } from '../schemas/views.js';
import { questionsBlindFor, withoutJudgments } from './blind-mode.js';
import { currentModel, type Replays, replaysAsOf } from './model.js';
import { assembleQuestionViews } from './question-views.js';

/**
 * The model's probabilities per question: the stored current state, or, as of a past time, a
 * replay of what had been recorded by then. A question nothing has moved is absent (its priors).
 */
async function modelProbabilities(
  ex: Executor,
  questions: QuestionRow[],
  asOf: Date | undefined,
  replays: Replays,
): Promise<Map<string, Record<string, number>>> {
  if (asOf === undefined)
    return currentModel(
      ex,
      questions.map((q) => q.id),
    );
  const replayed = await Promise.all(questions.map(replays));
  return new Map(questions.map((q, i) => [q.id, replayed[i]?.state.probabilities ?? {}]));
}

/**
 * Questions with everything the API shows of them, as known at `asOf` (recorded time).
 * A fixed number of queries whatever the number of questions.
 */
export async function readQuestions(
  ex: Executor,
  filter: QuestionFilter,
  replays: Replays = replaysAsOf(ex, filter.asOf),
  reader?: Actor,
): Promise<QuestionView[]> {
  const { asOf } = filter;
  const questions = await findQuestions(ex, filter);
  const questionIds = questions.map((q) => q.id);
  const [hypotheses, indicators, evidenceCounts] = await Promise.all([
    listMembers(ex, 'hypotheses', questionIds, asOf),
    listMembers(ex, 'indicators', questionIds, asOf),
    countEvidence(ex, questionIds, asOf),
  ]);
  const hypothesisIds = hypotheses.map((h) => h.id);
  const indicatorIds = indicators.map((i) => i.id);
  const [judgments, resolutions, citations, expectations, statuses] = await Promise.all([
    currentAnalystJudgments(ex, hypothesisIds, asOf),
    currentResolutions(ex, hypothesisIds, asOf),
    listCitations(ex, { hypothesisIds, indicatorIds }, asOf),
    currentExpectations(ex, indicatorIds, asOf),
    currentStatuses(ex, indicatorIds, asOf),
  ]);
  const [sources, models, blind] = await Promise.all([
    findSources(ex, [...new Set(citations.map((c) => c.source_id))]),
    modelProbabilities(ex, questions, asOf, replays),
    questionsBlindFor(ex, questions, reader, asOf),
  ]);
  const views = assembleQuestionViews(
    {
      questions,
      hypotheses,
      indicators,
      judgments,
      resolutions,
      citations,
      sources,
      expectations,
      statuses,
      evidenceCounts,
      models,
    },
    asOf,
  );
  return views.map((v) => (blind.has(v.id) ? withoutJudgments(v) : v));
}

/** One question as known at `asOf`; not found if it did not exist (or was not yet recorded). */
export async function readQuestion(
  ex: Executor,
  id: string,
  asOf?: Date,
  replays?: Replays,
  reader?: Actor,
): Promise<QuestionView> {
  const [question] = await readQuestions(ex, { ids: [id], asOf }, replays, reader);
  if (!question) throw notFound('question', id);
  return question;
}

/** A hypothesis with its question, as known at `asOf`. */
export async function readHypothesisInQuestion(
  ex: Executor,
  id: string,
  asOf?: Date,
  replays?: Replays,
  reader?: Actor,
): Promise<{ question: QuestionView; hypothesis: HypothesisView }> {
  const row = await findHypothesis(ex, id);
  if (!row) throw notFound('hypothesis', id);
  const question = await readQuestion(ex, row.question_id, asOf, replays, reader);
  const hypothesis = question.hypotheses.find((h) => h.id === id);
  if (!hypothesis) throw notFound('hypothesis', id);
  return { question, hypothesis };
}
