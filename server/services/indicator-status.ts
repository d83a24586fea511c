import type { Actor } from '../actor.js';
import type { Db, Executor } from '../db/database.js';
import { writeTogether } from '../db/one-statement.js';
import { type IndicatorStatus, statusChangeProblem } from '../domain/indicators.js';
import type { UpdateEvent } from '../domain/updating.js';
import { AppError, type FieldProblem, notFound } from '../errors.js';
import { newId } from '../ids.js';
import { auditInsert, created } from '../repositories/audit.js';
import {
  currentExpectations,
  currentStatuses,
  findIndicator,
  type IndicatorRow,
  indicatorHistory,
  insertObservations,
} from '../repositories/indicators.js';
import { dayOf, startOf } from '../schemas/common.js';
import type { StatusInput } from '../schemas/indicator-status.js';
import type { IndicatorView } from '../schemas/views.js';
import { authorize } from './authorize.js';
import { currentChanges } from './evidence-views.js';
import { advanceModel, modelEvents } from './model.js';
import { lockedQuestion } from './question-lock.js';
import { readQuestion } from './question-reads.js';

/** Indicator status changes that cannot happen, as 409 problems naming each observation. */
export async function refuseImpossibleChanges(
  ex: Executor,
  changes: {
    indicator: IndicatorRow;
    status: IndicatorStatus;
    path: string;
  }[],
  on: string,
) {
  const statuses = new Map(
    (
      await currentStatuses(
        ex,
        changes.map((c) => c.indicator.id),
      )
    ).map((s) => [s.indicator_id, s.status]),
  );
  const problems: FieldProblem[] = changes.flatMap(({ indicator, status, path }) => {
    const reason = statusChangeProblem(statuses.get(indicator.id) ?? 'NOT_OBSERVED', status, {
      expectedBy: indicator.expected_by,
      on,
    });
    return reason ? [{ path, message: `cannot be ${status}: ${reason}` }] : [];
  });
  if (problems.length > 0) {
    throw new AppError(
      'conflict',
      problems.map((p) => `${p.path}: ${p.message}`).join('; '),
      problems,
    );
  }
}

/**
 * Sets an indicator's status without new evidence — it expired unseen, it is receding, nothing
 * is known — and takes the change into the model at full weight: the analyst's own finding.
 */
export async function setIndicatorStatus(
  db: Db,
  actor: Actor,
  indicatorId: string,
  input: StatusInput,
) {
  authorize(actor, 'evidence.write');
  return db.transaction().execute(async (trx) => {
    const indicator = await findIndicator(trx, indicatorId);
    if (!indicator) throw notFound('indicator', indicatorId);
    const question = await lockedQuestion(trx, indicator.question_id);
    const on = input.observed_on ?? dayOf(new Date());
    await refuseImpossibleChanges(
      trx,
      [{ indicator, status: input.status, path: 'body.status' }],
      on,
    );
    const [observation] = await insertObservations(trx, [
      {
        id: newId('obs'),
        indicator_id: indicatorId,
        evidence_id: null,
        status: input.status,
        observed_at: startOf(on),
        note: input.note,
        recorded_by: actor.userId,
      },
    ]);
    if (!observation) throw new Error('the observation was not stored');
    const [event] = modelEvents({
      evidence: [],
      ratings: [],
      observations: [observation],
      retractions: [],
      resolutions: [],
      expectations: await currentExpectations(trx, [indicatorId]),
    });
    const change = await advanceModel(trx, question, event as UpdateEvent);
    await writeTogether(trx, [
      ...change.writes,
      auditInsert(trx, actor, [created('indicator_observation', observation)]),
    ]);
    const view = await readQuestion(trx, question.id);
    return {
      observation: {
        id: observation.id,
        status: input.status,
        observed_on: on,
        note: input.note,
        recorded_at: observation.recorded_at.toISOString(),
        recorded_by: actor.userId,
      },
      indicator: view.indicators.find((i) => i.id === indicatorId) as IndicatorView,
      current: currentChanges(change.before, change.after),
      method: 'signpost-v1' as const,
    };
  });
}

/** Every status change of an indicator, with the evidence behind it, as known at `asOf`. */
export async function readIndicatorHistory(ex: Executor, indicatorId: string, asOf?: Date) {
  const indicator = await findIndicator(ex, indicatorId);
  if (!indicator || (asOf && indicator.recorded_at > asOf))
    throw notFound('indicator', indicatorId);
  const rows = await indicatorHistory(ex, indicatorId, asOf);
  return {
    indicator_id: indicatorId,
    changes: rows.map((r) => ({
      id: r.id,
      status: r.status,
      observed_on: dayOf(r.observed_at),
      evidence: r.evidence_id ? { id: r.evidence_id, title: r.evidence_title as string } : null,
      note: r.note,
      retracted: r.retracted_id !== null,
      recorded_at: r.recorded_at.toISOString(),
      recorded_by: r.recorded_by,
    })),
    as_of: asOf?.toISOString() ?? null,
  };
}
