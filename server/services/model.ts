import type { Executor } from '../db/database.js';
import { type Write, writeTogether } from '../db/one-statement.js';
import { type Credibility, gradeWeight } from '../domain/grading.js';
import { groupBy } from '../domain/group-by.js';
import type { Expectation } from '../domain/indicators.js';
import { effectivePriors, type QuestionKind } from '../domain/questions.js';
import {
  applyUpdate,
  comesAfter,
  type LedgerLine,
  type ModelEvent,
  type ModelState,
  type ModelStep,
  type ObservationInput,
  type RatingInput,
  replayModel,
  type UpdateEvent,
} from '../domain/updating.js';
import type { HypothesisRow } from '../repositories/hypotheses.js';
import {
  appendLedger,
  clearLedger,
  findModelStates,
  ledgerInsert,
  modelStateSave,
  type NewLedgerRow,
  saveModelState,
} from '../repositories/model.js';
import { loadModelFacts, type ModelFacts } from '../repositories/model-facts.js';
import { listMembers } from '../repositories/question-members.js';
import { dayOf, startOf } from '../schemas/common.js';

/**
 * The model (METHODS §3) kept current: an event later in valid time than everything applied is
 * applied to the stored state (work in the question's hypotheses); a backdated event or a
 * retraction rebuilds that question's state and ledger from its facts.
 */

export interface ModelQuestion {
  id: string;
  kind: QuestionKind;
}

/**
 * When an event took effect: the day an item happened, the moment a retraction was recorded, the
 * moment a resolution's outcome became known.
 */
export function validAtOf(event: ModelEvent): Date {
  if (event.type === 'retraction') return event.recordedAt;
  if (event.type === 'resolution') return event.resolvedAt;
  return startOf(event.validOn);
}

/** The facts as the domain's events, each observation inside the item that reported it. */
export function modelEvents(facts: ModelFacts): ModelEvent[] {
  const expectations = new Map<string, Record<string, Expectation>>();
  for (const e of facts.expectations) {
    expectations.set(e.indicator_id, {
      ...expectations.get(e.indicator_id),
      [e.hypothesis_id]: e.expectation,
    });
  }
  const asInput = (o: ModelFacts['observations'][number]): ObservationInput => ({
    indicatorId: o.indicator_id,
    status: o.status,
    expectations: expectations.get(o.indicator_id) ?? {},
  });
  const ratings = groupBy(facts.ratings, (r) => r.evidence_id);
  const reported = groupBy(
    facts.observations.filter((o) => o.evidence_id !== null),
    (o) => o.evidence_id,
  );
  const items: ModelEvent[] = facts.evidence.map((e) => ({
    type: 'evidence',
    id: e.id,
    validOn: e.occurred_on,
    recordedAt: e.recorded_at,
    weight: gradeWeight(e.reliability, e.credibility as Credibility),
    ratings: Object.fromEntries(
      (ratings.get(e.id) ?? []).map((r): [string, RatingInput] => [
        r.hypothesis_id,
        { rating: r.rating, likelihoodRatio: r.likelihood_ratio },
      ]),
    ),
    observations: (reported.get(e.id) ?? []).map(asInput),
  }));
  const alone: ModelEvent[] = facts.observations
    .filter((o) => o.evidence_id === null)
    .map((o) => ({
      type: 'observation',
      id: o.id,
      validOn: dayOf(o.observed_at),
      recordedAt: o.recorded_at,
      weight: 1,
      ratings: {},
      observations: [asInput(o)],
    }));
  const retractions: ModelEvent[] = facts.retractions.map((r) => ({
    type: 'retraction',
    id: r.evidence_id,
    evidenceId: r.evidence_id,
    validOn: dayOf(r.recorded_at),
    recordedAt: r.recorded_at,
  }));
  const resolutions: ModelEvent[] = facts.resolutions.map((r) => ({
    type: 'resolution',
    id: r.id,
    hypothesisId: r.hypothesis_id,
    outcome: r.outcome,
    validOn: dayOf(r.resolved_at),
    resolvedAt: r.resolved_at,
    recordedAt: r.recorded_at,
  }));
  return [...items, ...alone, ...retractions, ...resolutions];
}

/** Where the model starts, by hypothesis id: the set's priors, normalised if exclusive. */
export function priorsOf(
  kind: QuestionKind,
  hypotheses: readonly Pick<HypothesisRow, 'id' | 'prior'>[],
): Record<string, number> {
  const priors = effectivePriors(
    kind,
    hypotheses.map((h) => h.prior),
  );
  return Object.fromEntries(hypotheses.map((h, i) => [h.id, priors[i] as number]));
}

/** Where the model starts: the priors of the set as known at `asOf`. */
export async function modelPriors(
  ex: Executor,
  question: ModelQuestion,
  asOf?: Date,
): Promise<Record<string, number>> {
  return priorsOf(question.kind, await listMembers(ex, 'hypotheses', [question.id], asOf));
}

export interface Replay {
  /** The hypotheses known at the replay's as-of, in the question's order. */
  hypotheses: HypothesisRow[];
  priors: Record<string, number>;
  facts: ModelFacts;
  state: ModelState;
  steps: ModelStep[];
}

/** The question's whole model series from what was recorded by `asOf` (all of it if unset). */
async function replayQuestion(ex: Executor, question: ModelQuestion, asOf?: Date): Promise<Replay> {
  const [hypotheses, facts] = await Promise.all([
    listMembers(ex, 'hypotheses', [question.id], asOf),
    loadModelFacts(ex, question.id, asOf),
  ]);
  const priors = priorsOf(question.kind, hypotheses);
  return { hypotheses, priors, facts, ...replayModel(question.kind, priors, modelEvents(facts)) };
}

/** A question's replay as of a fixed time, however it is obtained. */
export type Replays = (question: ModelQuestion) => Promise<Replay>;

/**
 * Replays as of `asOf`, each question's computed once however many readers of one request ask
 * for it (a past page's question, timeline and matrix share one).
 */
export function replaysAsOf(ex: Executor, asOf: Date | undefined): Replays {
  const memo = new Map<string, Promise<Replay>>();
  return (question) => {
    let replay = memo.get(question.id);
    if (!replay) {
      replay = replayQuestion(ex, question, asOf);
      memo.set(question.id, replay);
    }
    return replay;
  };
}

function ledgerRows(questionId: string, seq: number, step: ModelStep): NewLedgerRow[] {
  return step.lines.map((line: LedgerLine) => ({
    question_id: questionId,
    seq,
    hypothesis_id: line.hypothesisId,
    cause_type: step.event.type,
    cause_id: step.event.id,
    valid_at: validAtOf(step.event),
    cause_recorded_at: step.event.recordedAt,
    rating: line.rating,
    weight: line.weight,
    factor: line.factor,
    p_before: line.before,
    p_after: line.after,
    parts: JSON.stringify(line.parts),
  }));
}

function stateRow(
  questionId: string,
  state: ModelState,
  last: ModelEvent | undefined,
  nextSeq: number,
) {
  return {
    question_id: questionId,
    // Pairs, not an object: jsonb reorders object keys, and the ledger and the sums follow the
    // question's order of hypotheses.
    probabilities: JSON.stringify(Object.entries(state.probabilities)),
    applied: JSON.stringify(state.applied),
    closed: JSON.stringify(state.closed),
    last_valid_on: last?.validOn ?? null,
    last_recorded_at: last?.recordedAt ?? null,
    next_seq: nextSeq,
  };
}

/** Rebuilds a question's state and ledger from its facts, in the caller's transaction. */
export async function recomputeModel(ex: Executor, question: ModelQuestion): Promise<Replay> {
  const replay = await replayQuestion(ex, question);
  await clearLedger(ex, question.id);
  await appendLedger(
    ex,
    replay.steps.flatMap((step, seq) => ledgerRows(question.id, seq, step)),
  );
  await saveModelState(
    ex,
    stateRow(question.id, replay.state, replay.steps.at(-1)?.event, replay.steps.length),
  );
  return replay;
}

export interface ModelChange {
  /** The current probabilities before and after, by hypothesis id. */
  before: Record<string, number>;
  after: Record<string, number>;
  /** The event's own ledger lines, where it falls in valid time. */
  lines: LedgerLine[];
}

/**
 * Takes a just-written event into the model. The question must be locked by the caller, so
 * events are applied one at a time in the order their transactions commit. `pending` are the
 * caller's writes of the event's own facts. An event later than everything applied returns them
 * with its ledger lines and the new state as `writes`, for the caller to send in one statement
 * (see writeTogether); an earlier one writes them and rebuilds the question from its facts.
 */
export async function advanceModel(
  ex: Executor,
  question: ModelQuestion,
  event: UpdateEvent,
  pending: readonly Write[] = [],
): Promise<ModelChange & { writes: Write[] }> {
  const [stored] = await findModelStates(ex, [question.id]);
  const inOrder =
    stored !== undefined &&
    (stored.last_valid_on === null ||
      stored.last_recorded_at === null ||
      comesAfter(event, { validOn: stored.last_valid_on, recordedAt: stored.last_recorded_at }));
  if (stored && inOrder) {
    const state = {
      probabilities: Object.fromEntries(stored.probabilities),
      applied: stored.applied,
      closed: stored.closed,
    };
    const { state: next, lines } = applyUpdate(question.kind, state, event);
    const ledger = ledgerRows(question.id, stored.next_seq, { event, lines });
    const writes = [
      ...pending,
      ...(ledger.length > 0 ? [ledgerInsert(ex, ledger)] : []),
      modelStateSave(ex, stateRow(question.id, next, event, stored.next_seq + 1)),
    ];
    return { before: state.probabilities, after: next.probabilities, lines, writes };
  }
  const before = stored
    ? Object.fromEntries(stored.probabilities)
    : await modelPriors(ex, question);
  await writeTogether(ex, pending);
  const replay = await recomputeModel(ex, question);
  const own = replay.steps.find((s) => s.event.type === event.type && s.event.id === event.id);
  return { before, after: replay.state.probabilities, lines: own?.lines ?? [], writes: [] };
}

/** The current model probabilities of each question that has a model state. */
export async function currentModel(
  ex: Executor,
  questionIds: readonly string[],
): Promise<Map<string, Record<string, number>>> {
  const states = await findModelStates(ex, questionIds);
  return new Map(states.map((s) => [s.question_id, Object.fromEntries(s.probabilities)]));
}

/** After the hypothesis set changes, a question whose model has moved is rebuilt from its priors. */
export async function refreshModel(ex: Executor, question: ModelQuestion) {
  const [stored] = await findModelStates(ex, [question.id]);
  if (stored) await recomputeModel(ex, question);
}

/** The current model of a question: its stored state, or its priors before anything moved it. */
export async function modelNow(ex: Executor, question: ModelQuestion) {
  return (await currentModel(ex, [question.id])).get(question.id) ?? modelPriors(ex, question);
}
