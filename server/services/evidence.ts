import { sql } from 'kysely';
import type { Actor } from '../actor.js';
import type { Db } from '../db/database.js';
import { writeTogether } from '../db/one-statement.js';
import type { UpdateEvent } from '../domain/updating.js';
import { AppError, type FieldProblem, invalid, notFound } from '../errors.js';
import { newId } from '../ids.js';
import { auditInsert, created, recordAudit } from '../repositories/audit.js';
import {
  findEvidence,
  findRetractions,
  insertEvidence,
  insertRetraction,
  ratingsInsert,
} from '../repositories/evidence.js';
import {
  currentExpectations,
  type IndicatorRow,
  observationsInsert,
} from '../repositories/indicators.js';
import { listMembers } from '../repositories/question-members.js';
import { findOrAddSource } from '../repositories/sources.js';
import { startOf } from '../schemas/common.js';
import { NOT_A_HYPOTHESIS, NOT_AN_INDICATOR } from '../schemas/definitions.js';
import type { EvidenceInput, RatingInputValue } from '../schemas/evidence.js';
import { authorize } from './authorize.js';
import { currentChanges, evidenceView, readEvidenceViews } from './evidence-views.js';
import { refuseImpossibleChanges } from './indicator-status.js';
import { advanceModel, modelEvents, modelNow, recomputeModel } from './model.js';
import { lockedQuestion } from './question-lock.js';

function asRating(value: RatingInputValue) {
  return typeof value === 'string'
    ? { rating: value, likelihood_ratio: null }
    : { rating: value.rating, likelihood_ratio: value.likelihood_ratio ?? null };
}

/**
 * The rows an item's input adds beside it: a rating per rated hypothesis, and the indicator
 * observations it reports, dated at the day it happened and recorded with it.
 */
export function evidenceParts(
  item: { id: string; question_id: string; occurred_on: string; recorded_at: Date },
  input: Pick<EvidenceInput, 'ratings' | 'observations'>,
  actor: Actor,
) {
  return {
    ratings: Object.entries(input.ratings).map(([hypothesisId, value]) => ({
      evidence_id: item.id,
      hypothesis_id: hypothesisId,
      question_id: item.question_id,
      ...asRating(value),
    })),
    observations: input.observations.map((o) => ({
      id: newId('obs'),
      indicator_id: o.indicator_id,
      evidence_id: item.id,
      status: o.status,
      observed_at: startOf(item.occurred_on),
      note: o.note,
      recorded_at: item.recorded_at,
      recorded_by: actor.userId,
    })),
  };
}

/**
 * Logs an evidence item with its ratings and indicator observations, moves the model and
 * returns what moved, all in one transaction.
 */
export async function logEvidence(db: Db, actor: Actor, questionId: string, input: EvidenceInput) {
  authorize(actor, 'evidence.write');
  return db.transaction().execute(async (trx) => {
    const question = await lockedQuestion(trx, questionId);
    const [hypotheses, indicators] = await Promise.all([
      listMembers(trx, 'hypotheses', [questionId]),
      listMembers(trx, 'indicators', [questionId]),
    ]);
    const hypothesisIds = new Set(hypotheses.map((h) => h.id));
    const indicatorsById = new Map(indicators.map((i) => [i.id, i]));
    const problems: FieldProblem[] = [
      ...Object.keys(input.ratings)
        .filter((id) => !hypothesisIds.has(id))
        .map((id) => ({ path: `body.ratings.${id}`, message: NOT_A_HYPOTHESIS })),
      ...input.observations.flatMap((o, i) =>
        indicatorsById.has(o.indicator_id)
          ? []
          : [{ path: `body.observations.${i}.indicator_id`, message: NOT_AN_INDICATOR }],
      ),
    ];
    if (problems.length > 0) throw invalid(problems);
    await refuseImpossibleChanges(
      trx,
      input.observations.map((o, i) => ({
        indicator: indicatorsById.get(o.indicator_id) as IndicatorRow,
        status: o.status,
        path: `body.observations.${i}.status`,
      })),
      input.occurred_on,
    );

    const source = input.source
      ? await findOrAddSource(trx, input.source, { id: newId('src'), recorded_by: actor.userId })
      : undefined;
    const [row] = await insertEvidence(trx, [
      {
        id: newId('ev'),
        question_id: questionId,
        title: input.title,
        summary: input.summary,
        occurred_on: input.occurred_on,
        source_id: source?.id ?? null,
        reliability: input.reliability,
        credibility: input.credibility,
        relevance: input.relevance,
        // The time of the write under the question's lock, not the transaction's start: items of a
        // question are then recorded in the order they are applied, so a later one never looks
        // backdated to the model (which would rebuild the question's whole ledger).
        recorded_at: sql<Date>`clock_timestamp()`,
        recorded_by: actor.userId,
      },
    ]);
    if (!row) throw new Error('the evidence insert returned no row');
    const { ratings, observations } = evidenceParts(row, input, actor);
    const expectations = await currentExpectations(
      trx,
      observations.map((o) => o.indicator_id),
    );
    const [event] = modelEvents({
      evidence: [row],
      ratings,
      observations,
      retractions: [],
      resolutions: [],
      expectations,
    });
    const change = await advanceModel(trx, question, event as UpdateEvent, [
      ...(ratings.length > 0 ? [ratingsInsert(trx, ratings)] : []),
      ...(observations.length > 0 ? [observationsInsert(trx, observations)] : []),
    ]);
    // The rest of the item's rows in one round trip.
    await writeTogether(trx, [
      ...change.writes,
      auditInsert(trx, actor, [
        created('evidence', row, {
          ...row,
          ratings: input.ratings,
          observations: input.observations,
        }),
      ]),
    ]);
    // The item as just written: nothing to read back.
    const view = evidenceView(row, { source, ratings, observations, retraction: undefined });
    return {
      ...view,
      effects: change.lines.map((l) => ({
        hypothesis_id: l.hypothesisId,
        before: l.before,
        after: l.after,
        rating: l.rating,
        weight: l.weight,
        factor: l.factor,
        parts: l.parts,
      })),
      current: currentChanges(change.before, change.after),
      method: 'signpost-v1' as const,
    };
  });
}

/** Retracts an item with a reason: it stays in the log, and the model is recomputed without it. */
export async function retractEvidence(db: Db, actor: Actor, evidenceId: string, reason: string) {
  authorize(actor, 'evidence.write');
  return db.transaction().execute(async (trx) => {
    const [found] = await findEvidence(trx, [evidenceId]);
    if (!found) throw notFound('evidence', evidenceId);
    // The question's lock, taken before anything else as logEvidence does, serialises retractions.
    const question = await lockedQuestion(trx, found.question_id);
    const [earlier] = await findRetractions(trx, [evidenceId]);
    if (earlier) {
      throw new AppError(
        'conflict',
        `evidence ${evidenceId} was already retracted at ${earlier.recorded_at.toISOString()}: ${earlier.reason}`,
        [{ path: 'path.id', message: 'is already retracted' }],
      );
    }
    const before = await modelNow(trx, question);
    const retraction = await insertRetraction(trx, {
      evidence_id: evidenceId,
      reason,
      recorded_by: actor.userId,
    });
    const replay = await recomputeModel(trx, question);
    await recordAudit(trx, actor, [
      {
        action: 'evidence.retract',
        entity_type: 'evidence',
        entity_id: evidenceId,
        after: retraction,
      },
    ]);
    const [view] = await readEvidenceViews(trx, [evidenceId]);
    return {
      evidence: view as NonNullable<typeof view>,
      current: currentChanges(before, replay.state.probabilities),
      method: 'signpost-v1' as const,
    };
  });
}
