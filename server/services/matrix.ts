import type { Executor } from '../db/database.js';
import {
  type AchRow,
  type AchScores,
  achScores,
  achScoresOfTallies,
  credibilityClass,
  rowDiagnosticity,
  topRanked,
  topRankedWithout,
} from '../domain/ach.js';
import { type Credibility, gradeOf } from '../domain/grading.js';
import { groupBy } from '../domain/group-by.js';
import type { Rating } from '../domain/ratings.js';
import { withoutFactors } from '../domain/updating.js';
import { notFound } from '../errors.js';
import { findRatings } from '../repositories/evidence.js';
import {
  ratingTallies,
  type StandingOrder,
  standingEvidence,
} from '../repositories/matrix-rows.js';
import { findModelStates, ledgerOfEvidence } from '../repositories/model.js';
import type { ModelFacts } from '../repositories/model-facts.js';
import { findQuestions } from '../repositories/questions.js';
import type { Matrix } from '../schemas/matrix.js';
import type { QuestionView } from '../schemas/views.js';
import { type ModelQuestion, type Replays, replaysAsOf } from './model.js';

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

interface MatrixRowInput {
  evidence: Pick<
    EvidenceFact,
    'id' | 'title' | 'occurred_on' | 'recorded_at' | 'reliability' | 'credibility' | 'relevance'
  >;
  ratings: Record<string, Rating>;
  /** The item's factor per hypothesis in the model (1 where it moved nothing). */
  factors: Record<string, number>;
}

interface MatrixInput {
  question: ModelQuestion;
  hypotheses: readonly { id: string; title: string }[];
  model: Record<string, number>;
  /** An exclusive set's resolved hypotheses, which "without it" leaves where they are. */
  closed: Record<string, 0 | 1>;
  scores: AchScores;
  rows: readonly MatrixRowInput[];
  standing: number;
  retracted: number;
  asOf: Date | undefined;
}

/** The matrix from its scores and rows: ranks, diagnosticity and each row's sensitivity. */
function assembleMatrix({
  question,
  hypotheses,
  model,
  closed,
  scores,
  rows,
  standing,
  retracted,
  asOf,
}: MatrixInput): Matrix {
  const ids = hypotheses.map((h) => h.id);
  const top = topRanked(scores.weighted);
  const rank = ranks(scores.weighted);
  const sameSet = (a: string[], b: string[]) =>
    a.length === b.length && a.every((id) => b.includes(id));
  return {
    question_id: question.id,
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
    rows: rows.map(({ evidence: e, ratings, factors }) => {
      const row: AchRow = {
        id: e.id,
        credibility: e.credibility as Credibility,
        relevance: e.relevance,
        ratings,
      };
      const topWithout = topRankedWithout(ids, scores, row);
      const modelWithout = withoutFactors(question.kind, model, factors, closed);
      return {
        evidence_id: e.id,
        title: e.title,
        occurred_on: e.occurred_on,
        recorded_at: e.recorded_at.toISOString(),
        grade: gradeOf(e.reliability, row.credibility),
        credibility_class: credibilityClass(row.credibility),
        relevance: e.relevance,
        ratings,
        diagnosticity: rowDiagnosticity(ratings),
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
    standing_rows: standing,
    retracted_excluded: retracted,
    as_of: asOf?.toISOString() ?? null,
    method: 'signpost-v1',
  };
}

/**
 * The ACH matrix (METHODS §2) of the evidence standing at `asOf`: ratings, scores, row
 * diagnosticity, and what each row carries — for the ranking and for the model. Every row, from
 * a replay of what was recorded by then.
 */
export async function readMatrix(
  ex: Executor,
  questionId: string,
  asOf?: Date,
  replays: Replays = replaysAsOf(ex, asOf),
): Promise<Matrix> {
  const [question] = await findQuestions(ex, { ids: [questionId], asOf });
  if (!question) throw notFound('question', questionId);
  const replay = await replays(question);
  const evidence = new Map(replay.facts.evidence.map((e) => [e.id, e]));
  const retracted = new Set(replay.facts.retractions.map((r) => r.evidence_id));
  // The replay's own evidence steps give the rows in valid-time order, with each item's factors.
  const rows = replay.steps.flatMap((step) =>
    step.event.type === 'evidence' && !retracted.has(step.event.id)
      ? [
          {
            evidence: evidence.get(step.event.id) as EvidenceFact,
            ratings: Object.fromEntries(
              Object.entries(step.event.ratings).map(([id, r]) => [id, r.rating]),
            ),
            factors: Object.fromEntries(step.lines.map((l) => [l.hypothesisId, l.factor ?? 1])),
          },
        ]
      : [],
  );
  const ids = replay.hypotheses.map((h) => h.id);
  return assembleMatrix({
    question,
    hypotheses: replay.hypotheses,
    model: replay.state.probabilities,
    closed: replay.state.closed,
    scores: achScores(
      ids,
      rows.map((r) => ({
        id: r.evidence.id,
        credibility: r.evidence.credibility as Credibility,
        relevance: r.evidence.relevance,
        ratings: r.ratings,
      })),
    ),
    rows,
    standing: rows.length,
    retracted: replay.facts.evidence.length - rows.length,
    asOf,
  });
}

/**
 * The present matrix of a question as it stands (its hypotheses and current model already
 * read), with only its first `limit` rows in `order`: the scores from tallies of the standing
 * ratings, each row's factors from the stored ledger — nothing read whole, so a page stays fast
 * however long the history. The same numbers as readMatrix.
 */
export async function readMatrixTop(
  ex: Executor,
  question: QuestionView,
  { order, limit }: { order: StandingOrder; limit: number },
): Promise<Matrix> {
  const [tallies, page, [state]] = await Promise.all([
    ratingTallies(ex, question.id),
    standingEvidence(ex, question.id, { order, limit }),
    findModelStates(ex, [question.id]),
  ]);
  const pageIds = page.rows.map((r) => r.id);
  const [ratings, lines] = await Promise.all([
    findRatings(ex, pageIds),
    ledgerOfEvidence(ex, pageIds),
  ]);
  const ratingsOf = groupBy(ratings, (r) => r.evidence_id);
  const linesOf = groupBy(lines, (l) => l.cause_id);
  const ids = question.hypotheses.map((h) => h.id);
  return assembleMatrix({
    question,
    hypotheses: question.hypotheses,
    model: Object.fromEntries(question.hypotheses.map((h) => [h.id, h.current.model])),
    closed: state?.closed ?? {},
    scores: achScoresOfTallies(ids, tallies),
    rows: page.rows.map((e) => ({
      evidence: e,
      ratings: Object.fromEntries(
        (ratingsOf.get(e.id) ?? []).map((r) => [r.hypothesis_id, r.rating]),
      ),
      factors: Object.fromEntries(
        (linesOf.get(e.id) ?? []).map((l) => [l.hypothesis_id, l.factor ?? 1]),
      ),
    })),
    standing: page.standing,
    retracted: page.retracted,
    asOf: undefined,
  });
}
