/** METHODS §3: model probabilities are clamped to [0.001, 0.999]; so are log scores (§6). */
export const PROBABILITY_FLOOR = 0.001;
export const PROBABILITY_CEILING = 0.999;

export function clampProbability(p: number): number {
  return Math.min(PROBABILITY_CEILING, Math.max(PROBABILITY_FLOOR, p));
}
