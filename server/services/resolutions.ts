import type { Insertable } from 'kysely';
import type { Actor } from '../actor.js';
import type { Db, Executor } from '../db/database.js';
import type { ResolutionsTable } from '../db/tables/resolutions.js';
import { AppError, type FieldProblem, invalid, notFound } from '../errors.js';
import { newId } from '../ids.js';
import { created, recordAudit } from '../repositories/audit.js';
import { findEvidence, findRetractions } from '../repositories/evidence.js';
import { findHypothesis, type HypothesisRow } from '../repositories/hypotheses.js';
import { listMembers } from '../repositories/question-members.js';
import {
  currentResolutions,
  insertResolutions,
  type ResolutionRow,
  resolutionHistory,
} from '../repositories/resolutions.js';
import { dayOf, startOf } from '../schemas/common.js';
import type { ResolutionInput, ResolutionView } from '../schemas/resolutions.js';
import { authorize } from './authorize.js';
import { recomputeModel } from './model.js';
import { lockedQuestion } from './question-lock.js';
import { readHypothesisInQuestion } from './question-reads.js';

export function resolutionView(row: ResolutionRow): ResolutionView {
  return {
    id: row.id,
    hypothesis_id: row.hypothesis_id,
    outcome: row.outcome,
    resolved_at: row.resolved_at.toISOString(),
    note: row.note,
    evidence_id: row.evidence_id,
    supersedes_id: row.supersedes_id,
    reason: row.reason,
    implied_by: row.implied_by,
    recorded_at: row.recorded_at.toISOString(),
    recorded_by: row.recorded_by,
  };
}

const described = (r: ResolutionRow) => `${r.outcome} on ${dayOf(r.resolved_at)}`;

/** A resolved hypothesis is re-resolved only with a reason (append-only: the old row stays). */
function needsReason(title: string, standing: ResolutionRow): AppError {
  return new AppError('conflict', `"${title}" is already resolved (${described(standing)})`, [
    {
      path: 'body.supersede_reason',
      message: `is required: "${title}" is already resolved (${described(standing)}); say why it is superseded`,
    },
  ]);
}

async function checkInput(
  ex: Executor,
  hypothesis: HypothesisRow,
  input: ResolutionInput,
  resolvedAt: Date,
) {
  const problems: FieldProblem[] = [];
  if (resolvedAt < hypothesis.opened_at) {
    problems.push({
      path: 'body.resolved_at',
      message: `must not be before the hypothesis opened (${dayOf(hypothesis.opened_at)})`,
    });
  }
  if (input.evidence_id !== undefined) {
    const [item] = await findEvidence(ex, [input.evidence_id]);
    const [retraction] = await findRetractions(ex, [input.evidence_id]);
    const message = !item
      ? 'is not an evidence item'
      : item.question_id !== hypothesis.question_id
        ? "is evidence of another question, not this hypothesis's"
        : retraction
          ? 'is retracted: it cannot settle anything'
          : undefined;
    if (message) problems.push({ path: 'body.evidence_id', message });
  }
  if (problems.length > 0) throw invalid(problems);
}

/**
 * The rows a resolution writes: the hypothesis's own, and for an exclusive question resolved true
 * a false for each sibling that is neither false nor annulled already (a sibling resolved true
 * needs the supersede reason too).
 */
function plannedRows(
  actor: Actor,
  target: HypothesisRow,
  siblings: readonly HypothesisRow[],
  standing: ReadonlyMap<string, ResolutionRow>,
  input: ResolutionInput,
  resolvedAt: Date,
): { own: Insertable<ResolutionsTable>; implied: Insertable<ResolutionsTable>[] } {
  const reason = input.supersede_reason ?? null;
  const own = {
    id: newId('res'),
    hypothesis_id: target.id,
    outcome: input.outcome,
    resolved_at: resolvedAt,
    note: input.note,
    evidence_id: input.evidence_id ?? null,
    supersedes_id: standing.get(target.id)?.id ?? null,
    reason: standing.has(target.id) ? reason : null,
    implied_by: null,
    recorded_by: actor.userId,
  };
  const implied = siblings
    .filter((s) => !['false', 'annulled'].includes(standing.get(s.id)?.outcome ?? 'open'))
    .map((s) => {
      const previous = standing.get(s.id);
      if (previous && reason === null) throw needsReason(s.title, previous);
      return {
        ...own,
        id: newId('res'),
        hypothesis_id: s.id,
        outcome: 'false' as const,
        note: `Implied: "${target.title}" resolved true, and the question's hypotheses are exclusive.`,
        supersedes_id: previous?.id ?? null,
        reason: previous ? reason : null,
        implied_by: own.id,
      };
    });
  return { own, implied };
}

/**
 * Resolves a hypothesis (METHODS §6): true, false or annulled, as of the date the outcome became
 * known. Re-resolving supersedes with a reason. In an exclusive question, resolving one true
 * resolves its open siblings false in the same transaction.
 */
export async function resolveHypothesis(
  db: Db,
  actor: Actor,
  hypothesisId: string,
  input: ResolutionInput,
) {
  authorize(actor, 'resolution.write');
  return db.transaction().execute(async (trx) => {
    const hypothesis = await findHypothesis(trx, hypothesisId);
    if (!hypothesis) throw notFound('hypothesis', hypothesisId);
    const question = await lockedQuestion(trx, hypothesis.question_id);
    const resolvedAt = startOf(input.resolved_at);
    await checkInput(trx, hypothesis, input, resolvedAt);
    const members = await listMembers(trx, 'hypotheses', [question.id]);
    const resolved = await currentResolutions(
      trx,
      members.map((m) => m.id),
    );
    const standing = new Map(resolved.map((r) => [r.hypothesis_id, r]));
    const previous = standing.get(hypothesisId);
    if (previous && input.supersede_reason === undefined) {
      throw needsReason(hypothesis.title, previous);
    }
    if (!previous && input.supersede_reason !== undefined) {
      throw invalid([
        {
          path: 'body.supersede_reason',
          message: 'is only for re-resolving: this hypothesis is open',
        },
      ]);
    }
    const siblings =
      question.kind === 'exclusive' && input.outcome === 'true'
        ? members.filter((m) => m.id !== hypothesisId)
        : [];
    const { own, implied } = plannedRows(actor, hypothesis, siblings, standing, input, resolvedAt);
    const [ownRow] = await insertResolutions(trx, [own]);
    const impliedRows = implied.length > 0 ? await insertResolutions(trx, implied) : [];
    const rows = [ownRow as ResolutionRow, ...impliedRows];
    // An exclusive set's model renormalises over its open hypotheses: rebuilt from the facts.
    if (question.kind === 'exclusive') await recomputeModel(trx, question);
    await recordAudit(
      trx,
      actor,
      rows.map((r) => ({
        ...created('resolution', r),
        ...(r.supersedes_id ? { before: standing.get(r.hypothesis_id) } : {}),
      })),
    );
    return { ...resolutionView(ownRow as ResolutionRow), implied: impliedRows.map(resolutionView) };
  });
}

/** A hypothesis's resolutions as known at `asOf`, newest (standing) first. */
export async function readResolutions(ex: Executor, hypothesisId: string, asOf?: Date) {
  const hypothesis = await findHypothesis(ex, hypothesisId);
  if (!hypothesis || (asOf && hypothesis.recorded_at > asOf))
    throw notFound('hypothesis', hypothesisId);
  const rows = await resolutionHistory(ex, hypothesisId, asOf);
  return {
    hypothesis_id: hypothesisId,
    resolutions: rows.map(resolutionView),
    as_of: asOf?.toISOString() ?? null,
  };
}

/** A hypothesis with its question and its standing resolution, for the resolution form. */
export async function readQuestionResolution(ex: Executor, hypothesisId: string) {
  const { question, hypothesis } = await readHypothesisInQuestion(ex, hypothesisId);
  const [standing] = await resolutionHistory(ex, hypothesisId);
  return { question, hypothesis, standing: standing && resolutionView(standing) };
}
