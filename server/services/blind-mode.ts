import type { Actor } from '../actor.js';
import type { Executor } from '../db/database.js';
import { can } from '../domain/roles.js';
import { questionsJudgedBy } from '../repositories/assessments.js';
import type { QuestionView } from '../schemas/views.js';

/**
 * Blind mode, so that each first judgment is independent: on a blind question, a
 * forecaster who has not yet judged it sees no one else's judgments — neither each analyst's
 * nor the team view — so their first judgment is their own. Readers who cannot judge (viewers)
 * are not forecasters and see the team's view. As of a past time, what counts is whether they
 * had judged by then.
 */
export async function questionsBlindFor(
  ex: Executor,
  questions: readonly { id: string; blind: boolean }[],
  reader: Actor | undefined,
  asOf?: Date,
): Promise<Set<string>> {
  if (!reader || !can(reader.role, 'judgment.write')) return new Set();
  const blind = questions.filter((q) => q.blind).map((q) => q.id);
  if (blind.length === 0) return new Set();
  const judged = await questionsJudgedBy(ex, reader.userId, blind, asOf);
  return new Set(blind.filter((id) => !judged.has(id)));
}

/** A question view with every analyst's judgment left out, saying so. */
export function withoutJudgments(view: QuestionView): QuestionView {
  return {
    ...view,
    hypotheses: view.hypotheses.map((h) => ({
      ...h,
      current: {
        ...h.current,
        analyst: null,
        analyst_words: null,
        analyst_judgment: null,
        team: null,
        analysts: [],
        hidden_by_blind_mode: true,
      },
    })),
  };
}

/** Whether a question view was read with its judgments hidden (its timelines hide them too). */
export function judgmentsHidden(view: QuestionView): boolean {
  return view.hypotheses.some((h) => h.current.hidden_by_blind_mode);
}
