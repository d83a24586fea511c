import { clampProbability, PROBABILITY_CEILING, PROBABILITY_FLOOR } from './probability.js';

/** exclusive: mutually exclusive and exhaustive, probabilities sum to 1 (ACH); independent: each its own yes/no. */
export const QUESTION_KINDS = ['exclusive', 'independent'] as const;
export type QuestionKind = (typeof QUESTION_KINDS)[number];

export const OUTCOMES = ['true', 'false', 'annulled'] as const;
export type Outcome = (typeof OUTCOMES)[number];

export type PriorNormalisation =
  | { ok: true; priors: number[] }
  | { ok: false; index: number; reason: string };

/**
 * METHODS §3: an exclusive question's model series starts at its hypotheses' priors normalised
 * to sum to 1. A set cannot be normalised when a hypothesis would start outside the model's
 * clamp [0.001, 0.999], which would silently distort it; that is refused with the reason.
 * A lone hypothesis is the whole (unfinished) set: it starts at the ceiling.
 *
 * @example normalisePriors([0.5, 0.3, 0.3]) // { ok: true, priors: [0.4545…, 0.2727…, 0.2727…] }
 */
export function normalisePriors(stated: readonly number[]): PriorNormalisation {
  if (stated.length === 1) return { ok: true, priors: [clampProbability(1)] };
  const sum = stated.reduce((a, b) => a + b, 0);
  // A set stated to sum to 1 is kept as stated: dividing by a float sum of 1 ± 1e-16 would
  // turn 0.6 into 0.6000000000000001.
  const priors = Math.abs(sum - 1) < 1e-9 ? [...stated] : stated.map((p) => p / sum);
  for (const [index, p] of priors.entries()) {
    if (p < PROBABILITY_FLOOR || p > PROBABILITY_CEILING) {
      const side = p < PROBABILITY_FLOOR ? 'below the floor' : 'above the ceiling';
      return {
        ok: false,
        index,
        reason:
          `prior ${stated[index]} normalises to ${p.toPrecision(3)} against the set's sum of ` +
          `${sum.toPrecision(4)}, ${side} of the model's range [${PROBABILITY_FLOOR}, ${PROBABILITY_CEILING}]`,
      };
    }
  }
  return { ok: true, priors };
}

/** The prior the model starts from: as stated (independent) or normalised over the set (exclusive). */
export function effectivePriors(kind: QuestionKind, stated: readonly number[]): number[] {
  if (kind === 'independent') return [...stated];
  const result = normalisePriors(stated);
  // Writes refuse sets that cannot be normalised, so a stored set always can; clamp defensively.
  return result.ok ? result.priors : stated.map(clampProbability);
}
