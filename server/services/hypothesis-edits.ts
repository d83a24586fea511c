import { createHash } from 'node:crypto';
import type { Actor } from '../actor.js';
import type { Db, Executor } from '../db/database.js';
import { invalid, notFound } from '../errors.js';
import { recordAudit } from '../repositories/audit.js';
import {
  type HypothesisRow,
  lockHypothesis,
  updateHypothesis,
} from '../repositories/hypotheses.js';
import type { HypothesisChange } from '../schemas/definitions.js';
import type { HypothesisView } from '../schemas/views.js';
import { authorize } from './authorize.js';
import { requireMatch } from './preconditions.js';
import { readHypothesisInQuestion } from './question-reads.js';

type Definition = Pick<
  HypothesisRow,
  'title' | 'statement' | 'horizon' | 'resolution_criteria' | 'rationale'
>;
const EDITABLE = ['title', 'statement', 'horizon', 'resolution_criteria', 'rationale'] as const;

/**
 * The version of a hypothesis's editable definition, as an opaque tag: it changes when any
 * editable field does, and not when probabilities move, so an edit conflicts only with an edit.
 */
export function definitionTag(hypothesis: Definition): string {
  const fields = EDITABLE.map((field) => hypothesis[field]);
  return createHash('sha256').update(JSON.stringify(fields)).digest('base64url').slice(0, 22);
}

/** A hypothesis as the reader sees it, with the tag a conditional edit must send back. */
export async function readHypothesis(
  ex: Executor,
  id: string,
  reader: Actor,
): Promise<{ hypothesis: HypothesisView; tag: string }> {
  const { hypothesis } = await readHypothesisInQuestion(ex, id, undefined, undefined, reader);
  return { hypothesis, tag: definitionTag(hypothesis) };
}

/**
 * Rewords a hypothesis or moves its horizon, only if it is still the version the editor read
 * (`ifMatch`, see preconditions.ts); audited with the fields before and after.
 */
export async function changeHypothesis(
  db: Db,
  actor: Actor,
  id: string,
  ifMatch: string | undefined,
  change: HypothesisChange,
): Promise<{ hypothesis: HypothesisView; tag: string }> {
  authorize(actor, 'question.write');
  return db.transaction().execute(async (trx) => {
    const row = await lockHypothesis(trx, id);
    if (!row) throw notFound('hypothesis', id);
    requireMatch(ifMatch, definitionTag(row), 'hypothesis');
    const opened = row.opened_at.toISOString().slice(0, 10);
    if (change.horizon !== undefined && change.horizon < opened) {
      throw invalid([
        { path: 'body.horizon', message: `is before the hypothesis opened (${opened})` },
      ]);
    }
    const changed = EDITABLE.filter(
      (field) => change[field] !== undefined && change[field] !== row[field],
    );
    if (changed.length > 0) {
      const pick = (from: Definition) =>
        Object.fromEntries(changed.map((field) => [field, from[field]]));
      const after = { ...row, ...change } as Definition;
      await updateHypothesis(trx, id, pick(after));
      await recordAudit(trx, actor, [
        {
          action: 'hypothesis.update',
          entity_type: 'hypothesis',
          entity_id: id,
          before: pick(row),
          after: pick(after),
        },
      ]);
    }
    return readHypothesis(trx, id, actor);
  });
}
