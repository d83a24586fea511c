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
import { withoutFactors } from '../domain/updating.js';
import { notFound } from '../errors.js';
import type { ModelFacts } from '../repositories/model-facts.js';
import { findQuestions } from '../repositories/questions.js';
import type { Matrix } from '../schemas/matrix.js';
import { replayQuestion } from './model.js';

type EvidenceFact = ModelFacts['evidence'][number];

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
  const replay = await replayQuestion(ex, question, asOf);
  const { hypotheses } = replay;
  const ids = hypotheses.map((h) => h.id);
  const evidence = new Map(replay.facts.evidence.map((e) => [e.id, e]));
  const retracted = new Set(replay.facts.retractions.map((r) => r.evidence_id));
  // The replay's own evidence steps give the rows in valid-time order, with each item's factors.
  const standing = replay.steps.flatMap((step) =>
    step.event.type === 'evidence' && !retracted.has(step.event.id)
      ? [{ event: step.event, lines: step.lines, row: evidence.get(step.event.id) as EvidenceFact }]
      : [],
  );
  const achRows: AchRow[] = standing.map(({ event, row }) => ({
    id: row.id,
    credibility: row.credibility as Credibility,
    relevance: row.relevance,
    ratings: Object.fromEntries(Object.entries(event.ratings).map(([id, r]) => [id, r.rating])),
  }));
  const scores = achScores(ids, achRows);
  const top = topRanked(scores.weighted);
  const rank = ranks(scores.weighted);
  const model = replay.state.probabilities;
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
    rows: standing.map(({ row: e, lines }, i) => {
      const row = achRows[i] as AchRow;
      const topWithout = topRankedWithout(ids, scores, row);
      const factors = Object.fromEntries(lines.map((l) => [l.hypothesisId, l.factor ?? 1]));
      const modelWithout = withoutFactors(question.kind, model, factors);
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
