import type { Actor } from '../actor.js';
import type { Db } from '../db/database.js';
import { recordAudit } from '../repositories/audit.js';
import { setQuestionBlind } from '../repositories/questions.js';
import type { QuestionView } from '../schemas/views.js';
import { authorize } from './authorize.js';
import { lockedQuestion } from './question-lock.js';
import { readQuestion } from './question-reads.js';

/** Turns blind mode on or off for a question (see blind-mode.ts), audited. */
export async function setBlindMode(
  db: Db,
  actor: Actor,
  id: string,
  blind: boolean,
): Promise<QuestionView> {
  authorize(actor, 'question.write');
  return db.transaction().execute(async (trx) => {
    const before = await lockedQuestion(trx, id);
    if (before.blind !== blind) {
      await setQuestionBlind(trx, id, blind);
      await recordAudit(trx, actor, [
        {
          action: 'question.update',
          entity_type: 'question',
          entity_id: id,
          before: { blind: before.blind },
          after: { blind },
        },
      ]);
    }
    return readQuestion(trx, id, undefined, undefined, actor);
  });
}
