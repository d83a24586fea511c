import type { Executor } from '../db/database.js';
import {
  type AchRow,
  achScores,
  credibilityClass,
  rowDiagnosticity,
  topRanked,
  topRankedWithout,
} from '../domain/ach.js';
import { type Credibility, gradeOf } from '../domain/grading.js';
import type { Rating } from '../domain/ratings.js';
import { withoutFactors } from '../domain/updating.js';
import { notFound } from '../errors.js';
import { listMembers } from '../repositories/question-members.js';
import { findQuestions } from '../repositories/questions.js';
import type { Matrix } from '../schemas/matrix.js';
import { replayQuestion } from './model.js';

/** Dense ranks by ascending score: equal scores share a rank. */
function ranks(scores: Readonly<Record<string, number>>): Record<string, number> {
  const distinct = [...new Set(Object.values(scores).map((s) => s.toFixed(9)))].sort(
    (a, b) => Number(a) - Number(b),
  );
  return Object.fromEntries(
    Object.entries(scores).map(([id, s]) => [id, distinct.indexOf(s.toFixed(9)) + 1]),
  );
}

/**
 * The ACH matrix (METHODS §2) of the evidence standing at `asOf`: ratings, scores, row
 * diagnosticity, and what each row carries — for the ranking and for the model.
 */
export async function readMatrix(ex: Executor, questionId: string, asOf?: Date): Promise<Matrix> {
  const [question] = await findQuestions(ex, { ids: [questionId], asOf });
  if (!question) throw notFound('question', questionId);
  const [hypotheses, replay] = await Promise.all([
    listMembers(ex, 'hypotheses', [questionId], asOf),
    replayQuestion(ex, question, asOf),
  ]);
  const ids = hypotheses.map((h) => h.id);
  const retracted = new Set(replay.facts.retractions.map((r) => r.evidence_id));
  const standing = replay.facts.evidence
    .filter((e) => !retracted.has(e.id))
    .sort(
      (a, b) =>
        a.occurred_on.localeCompare(b.occurred_on) ||
        a.recorded_at.getTime() - b.recorded_at.getTime(),
    );
  const ratings = new Map<string, Record<string, Rating>>();
  for (const r of replay.facts.ratings) {
    ratings.set(r.evidence_id, { ...ratings.get(r.evidence_id), [r.hypothesis_id]: r.rating });
  }
  const achRows: AchRow[] = standing.map((e) => ({
    id: e.id,
    credibility: e.credibility as Credibility,
    relevance: e.relevance,
    ratings: ratings.get(e.id) ?? {},
  }));
  const scores = achScores(ids, achRows);
  const top = topRanked(scores.weighted);
  const rank = ranks(scores.weighted);
  const model = replay.state.probabilities;
  const factorsOf = new Map(
    replay.steps
      .filter((s) => s.event.type === 'evidence')
      .map((s) => [
        s.event.id,
        Object.fromEntries(s.lines.map((l) => [l.hypothesisId, l.factor ?? 1])),
      ]),
  );
  const sameSet = (a: string[], b: string[]) =>
    a.length === b.length && a.every((id) => b.includes(id));
  return {
    question_id: questionId,
    kind: question.kind,
    hypotheses: hypotheses.map((h) => ({
      id: h.id,
      title: h.title,
      inconsistency: scores.inconsistency[h.id] as number,
      weighted_inconsistency: scores.weighted[h.id] as number,
      rank: rank[h.id] as number,
      model: model[h.id] as number,
    })),
    top,
    rows: standing.map((e, i) => {
      const row = achRows[i] as AchRow;
      const topWithout = topRankedWithout(ids, scores, row);
      const modelWithout = withoutFactors(question.kind, model, factorsOf.get(e.id) ?? {});
      return {
        evidence_id: e.id,
        title: e.title,
        occurred_on: e.occurred_on,
        recorded_at: e.recorded_at.toISOString(),
        grade: gradeOf(e.reliability, row.credibility),
        credibility_class: credibilityClass(row.credibility),
        relevance: e.relevance,
        ratings: row.ratings,
        diagnosticity: rowDiagnosticity(row.ratings),
        sensitivity: {
          changes_top: !sameSet(top, topWithout),
          top_without: topWithout,
          model_without: modelWithout,
          model_shift: Object.fromEntries(
            ids.map((id) => [id, (modelWithout[id] as number) - (model[id] as number)]),
          ),
        },
      };
    }),
    retracted_excluded: replay.facts.evidence.length - standing.length,
    as_of: asOf?.toISOString() ?? null,
    method: 'signpost-v1',
  };
}
