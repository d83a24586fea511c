import type { Actor } from '../actor.js';
import type { Db } from '../db/database.js';
import { expectationCoverage } from '../domain/indicators.js';
import { type FieldProblem, invalid } from '../errors.js';
import { newId } from '../ids.js';
import { created, recordAudit } from '../repositories/audit.js';
import { insertHypotheses } from '../repositories/hypotheses.js';
import { insertExpectations, insertIndicators } from '../repositories/indicators.js';
import { listMembers, nextPosition } from '../repositories/question-members.js';
import { insertQuestions } from '../repositories/questions.js';
import {
  type HypothesisInput,
  type IndicatorInput,
  MISSING_EXPECTATION,
  NOT_A_HYPOTHESIS,
  type QuestionInput,
} from '../schemas/definitions.js';
import type { HypothesisView, IndicatorView, QuestionView } from '../schemas/views.js';
import { authorize } from './authorize.js';
import {
  expectationRows,
  horizonProblem,
  hypothesisRow,
  indicatorRow,
  positionAfter,
  priorProblem,
  questionRow,
} from './definition-rows.js';
import { refreshModel } from './model.js';
import { lockedQuestion } from './question-lock.js';
import { readQuestion } from './question-reads.js';

function refuseIf(problems: (FieldProblem | undefined)[]) {
  const found = problems.filter((p): p is FieldProblem => p !== undefined);
  if (found.length > 0) throw invalid(found);
}

/** Creates a question, with its hypotheses if given, in one transaction. */
export async function createQuestion(
  db: Db,
  actor: Actor,
  input: QuestionInput,
): Promise<QuestionView> {
  authorize(actor, 'question.write');
  const now = new Date();
  refuseIf([
    ...input.hypotheses.map((h, i) => horizonProblem(h, now, `body.hypotheses.${i}.horizon`)),
    priorProblem(
      input.kind,
      input.hypotheses.map((h) => h.prior),
      (i) => `body.hypotheses.${i}.prior`,
    ),
  ]);
  const id = newId('q');
  const question = questionRow(id, null, input, actor);
  const hypotheses = input.hypotheses.map((h, position) =>
    hypothesisRow({ id: newId('h'), key: null, questionId: id, position }, h, actor, now),
  );
  return db.transaction().execute(async (trx) => {
    await insertQuestions(trx, [question]);
    await insertHypotheses(trx, hypotheses);
    await recordAudit(trx, actor, [
      created('question', question),
      ...hypotheses.map((h) => created('hypothesis', h)),
    ]);
    return readQuestion(trx, id);
  });
}

/** Adds a hypothesis; an exclusive question's set must still normalise with it. */
export async function addHypothesis(
  db: Db,
  actor: Actor,
  questionId: string,
  input: HypothesisInput,
): Promise<HypothesisView> {
  authorize(actor, 'question.write');
  const now = new Date();
  return db.transaction().execute(async (trx) => {
    const question = await lockedQuestion(trx, questionId);
    const existing = await listMembers(trx, 'hypotheses', [questionId]);
    const priors = [...existing.map((h) => h.prior), input.prior];
    refuseIf([
      horizonProblem(input, now, 'body.horizon'),
      priorProblem(question.kind, priors, () => 'body.prior'),
    ]);
    const row = hypothesisRow(
      { id: newId('h'), key: null, questionId, position: positionAfter(existing) },
      input,
      actor,
      now,
    );
    await insertHypotheses(trx, [row]);
    await refreshModel(trx, question);
    await recordAudit(trx, actor, [created('hypothesis', row)]);
    const view = await readQuestion(trx, questionId);
    return view.hypotheses.find((h) => h.id === row.id) as HypothesisView;
  });
}

/** Adds an indicator with its expectation under every hypothesis of the question. */
export async function addIndicator(
  db: Db,
  actor: Actor,
  questionId: string,
  input: IndicatorInput,
): Promise<IndicatorView> {
  authorize(actor, 'question.write');
  return db.transaction().execute(async (trx) => {
    await lockedQuestion(trx, questionId);
    const hypotheses = await listMembers(trx, 'hypotheses', [questionId]);
    const { unknown, missing } = expectationCoverage(
      hypotheses.map((h) => h.id),
      Object.keys(input.expectations),
    );
    refuseIf([
      ...unknown.map((id) => ({ path: `body.expectations.${id}`, message: NOT_A_HYPOTHESIS })),
      ...missing.map((id) => ({ path: `body.expectations.${id}`, message: MISSING_EXPECTATION })),
    ]);
    const position = await nextPosition(trx, 'indicators', questionId);
    const id = newId('i');
    const row = indicatorRow({ id, key: null, questionId, position }, input, actor);
    const expectations = expectationRows(
      { id, questionId },
      Object.entries(input.expectations),
      actor,
    );
    await insertIndicators(trx, [row]);
    await insertExpectations(trx, expectations);
    await recordAudit(trx, actor, [
      created('indicator', row, { ...row, expectations: input.expectations }),
    ]);
    const view = await readQuestion(trx, questionId);
    return view.indicators.find((i) => i.id === id) as IndicatorView;
  });
}
