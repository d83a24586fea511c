import { type Selectable, sql } from 'kysely';
import type { Actor } from '../actor.js';
import type { Db, Executor } from '../db/database.js';
import type { AssessmentsTable } from '../db/tables/assessments.js';
import { wordsFor } from '../domain/words.js';
import { AppError, type FieldProblem, invalid, notFound } from '../errors.js';
import { newId } from '../ids.js';
import { created, recordAudit } from '../repositories/audit.js';
import { findHypothesis } from '../repositories/hypotheses.js';
import { listMembers } from '../repositories/question-members.js';
import { currentResolutions, type ResolutionRow } from '../repositories/resolutions.js';
import { dayOf, startOf } from '../schemas/common.js';
import { NOT_A_HYPOTHESIS } from '../schemas/definitions.js';
import {
  type JudgmentInput,
  type JudgmentView,
  SET_SUM_TOLERANCE,
  type SetJudgmentInput,
} from '../schemas/judgments.js';
import { authorize } from './authorize.js';
import { lockedQuestion } from './question-lock.js';

function judgmentView(row: Selectable<AssessmentsTable>): JudgmentView {
  return {
    id: row.id,
    hypothesis_id: row.hypothesis_id,
    probability: row.probability,
    words: wordsFor(row.probability),
    rationale: row.rationale,
    set_id: row.set_id,
    valid_at: row.valid_at.toISOString(),
    recorded_at: row.recorded_at.toISOString(),
    recorded_by: row.recorded_by,
  };
}

/** Resolved hypotheses take no more judgments: a 409 naming each. */
function refuseResolved(resolved: readonly ResolutionRow[], pathOf: (id: string) => string) {
  if (resolved.length === 0) return;
  const problems = resolved.map((r) => ({
    path: pathOf(r.hypothesis_id),
    message: `is resolved (${r.outcome}, ${dayOf(r.resolved_at)}): it takes no more judgments`,
  }));
  throw new AppError(
    'conflict',
    problems.map((p) => `${p.path} ${p.message}`).join('; '),
    problems,
  );
}

async function insertJudgments(
  ex: Executor,
  actor: Actor,
  judgments: { hypothesisId: string; probability: number }[],
  common: { rationale: string; effective_at?: string | undefined; setId: string | null },
): Promise<JudgmentView[]> {
  const rows = await ex
    .insertInto('assessments')
    .values(
      judgments.map((j) => ({
        id: newId('as'),
        hypothesis_id: j.hypothesisId,
        forecaster_kind: 'analyst' as const,
        analyst_id: actor.userId,
        citation_id: null,
        probability: j.probability,
        rationale: common.rationale,
        set_id: common.setId,
        // now() is the transaction's start, the same instant recorded_at takes.
        valid_at: common.effective_at ? startOf(common.effective_at) : sql<Date>`now()`,
        recorded_by: actor.userId,
      })),
    )
    .returningAll()
    .execute();
  await recordAudit(
    ex,
    actor,
    rows.map((r) => created('assessment', r)),
  );
  return rows.map(judgmentView);
}

/** Records an analyst's judgment on one hypothesis. */
export async function recordJudgment(
  db: Db,
  actor: Actor,
  hypothesisId: string,
  input: JudgmentInput,
): Promise<JudgmentView> {
  authorize(actor, 'judgment.write');
  return db.transaction().execute(async (trx) => {
    const hypothesis = await findHypothesis(trx, hypothesisId);
    if (!hypothesis) throw notFound('hypothesis', hypothesisId);
    await lockedQuestion(trx, hypothesis.question_id);
    refuseResolved(await currentResolutions(trx, [hypothesisId]), () => 'path.id');
    const [view] = await insertJudgments(
      trx,
      actor,
      [{ hypothesisId, probability: input.probability }],
      {
        ...input,
        setId: null,
      },
    );
    return view as JudgmentView;
  });
}

/** Records a judgment on an exclusive question's whole set: every open hypothesis, summing to 1. */
export async function recordSetJudgment(
  db: Db,
  actor: Actor,
  questionId: string,
  input: SetJudgmentInput,
) {
  authorize(actor, 'judgment.write');
  return db.transaction().execute(async (trx) => {
    const question = await lockedQuestion(trx, questionId);
    if (question.kind !== 'exclusive') {
      throw new AppError('conflict', 'a set judgment needs an exclusive question', [
        {
          path: 'path.id',
          message: 'is an independent question: judge each hypothesis on its own',
        },
      ]);
    }
    const hypotheses = await listMembers(trx, 'hypotheses', [questionId]);
    const given = Object.keys(input.probabilities);
    const known = new Set(hypotheses.map((h) => h.id));
    const unknown = given.filter((id) => !known.has(id));
    if (unknown.length > 0) {
      throw invalid(
        unknown.map((id) => ({ path: `body.probabilities.${id}`, message: NOT_A_HYPOTHESIS })),
      );
    }
    const resolved = await currentResolutions(trx, [...known]);
    refuseResolved(
      resolved.filter((r) => r.hypothesis_id in input.probabilities),
      (id) => `body.probabilities.${id}`,
    );
    const closed = new Set(resolved.map((r) => r.hypothesis_id));
    const problems: FieldProblem[] = hypotheses
      .filter((h) => !closed.has(h.id) && !(h.id in input.probabilities))
      .map((h) => ({
        path: `body.probabilities.${h.id}`,
        message: 'missing: a set judgment gives every open hypothesis',
      }));
    const sum = Object.values(input.probabilities).reduce((a, b) => a + b, 0);
    if (Math.abs(sum - 1) > SET_SUM_TOLERANCE) {
      problems.push({
        path: 'body.probabilities',
        message: `must sum to 1 (±${SET_SUM_TOLERANCE}); they sum to ${Number(sum.toFixed(6))}`,
      });
    }
    if (problems.length > 0) throw invalid(problems);
    const setId = newId('set');
    const judgments = await insertJudgments(
      trx,
      actor,
      hypotheses
        .filter((h) => h.id in input.probabilities)
        .map((h) => ({ hypothesisId: h.id, probability: input.probabilities[h.id] as number })),
      { ...input, setId },
    );
    return { set_id: setId, question_id: questionId, judgments };
  });
}
