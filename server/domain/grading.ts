/**
 * METHODS §1: evidence grading on the NATO / Admiralty scale (STANAG 2511), two independent
 * ordinal axes written letter then digit ("B2"). F and 6 mean "no basis to judge", not "bad".
 */
export const RELIABILITIES = ['A', 'B', 'C', 'D', 'E', 'F'] as const;
export type Reliability = (typeof RELIABILITIES)[number];
export const CREDIBILITIES = [1, 2, 3, 4, 5, 6] as const;
export type Credibility = (typeof CREDIBILITIES)[number];
export const RELEVANCES = ['high', 'medium', 'low'] as const;
export type Relevance = (typeof RELEVANCES)[number];

export const RELIABILITY_LABELS: Record<Reliability, string> = {
  A: 'Completely reliable',
  B: 'Usually reliable',
  C: 'Fairly reliable',
  D: 'Not usually reliable',
  E: 'Unreliable',
  F: 'Reliability cannot be judged',
};

export const CREDIBILITY_LABELS: Record<Credibility, string> = {
  1: 'Confirmed by other sources',
  2: 'Probably true',
  3: 'Possibly true',
  4: 'Doubtful',
  5: 'Improbable',
  6: 'Truth cannot be judged',
};

/** @example gradeOf('B', 2) === 'B2' */
export function gradeOf(reliability: Reliability, credibility: Credibility): string {
  return `${reliability}${credibility}`;
}

// METHODS §3: the tempering weights; "cannot be judged" sits at 0.5, between C and D.
const W_RELIABILITY: Record<Reliability, number> = { A: 1, B: 0.8, C: 0.6, D: 0.4, E: 0.2, F: 0.5 };
const W_CREDIBILITY: Record<Credibility, number> = { 1: 1, 2: 0.8, 3: 0.6, 4: 0.4, 5: 0.2, 6: 0.5 };

/**
 * The weight w = w_rel(letter) · w_cred(digit) by which an item's likelihoods are tempered.
 *
 * @example gradeWeight('B', 2) // 0.64
 */
export function gradeWeight(reliability: Reliability, credibility: Credibility): number {
  return W_RELIABILITY[reliability] * W_CREDIBILITY[credibility];
}
