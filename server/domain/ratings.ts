import type { Expectation, IndicatorStatus } from './indicators.js';

/**
 * METHODS §2: consistency of an evidence item with a hypothesis — "if this hypothesis were true,
 * how likely is it that I would see this?" CC very consistent … II very inconsistent, NA not
 * applicable. A missing rating means "not rated", which is not the same as NA.
 */
export const RATINGS = ['CC', 'C', 'N', 'I', 'II', 'NA'] as const;
export type Rating = (typeof RATINGS)[number];
export type ScoredRating = Exclude<Rating, 'NA'>;

/** METHODS §3: the relative likelihood of each rating; NA and unrated do not update. */
export const RELATIVE_LIKELIHOOD: Record<ScoredRating, number> = {
  CC: 4,
  C: 2,
  N: 1,
  I: 0.5,
  II: 0.25,
};

/** METHODS §3: an indicator seen (OBSERVED) counts as evidence rated from its expectation. */
const AS_RATING: Record<Expectation, ScoredRating> = { HL: 'CC', L: 'C', C: 'N', U: 'I', HU: 'II' };
/** …and one that EXPIRED unseen counts the other way round. */
const AS_REVERSED_RATING: Record<Expectation, ScoredRating> = {
  HL: 'II',
  L: 'I',
  C: 'N',
  U: 'C',
  HU: 'CC',
};

/** The rating an indicator's expectation stands for, seen (forward) or expired (reversed). */
export function expectationAsRating(expectation: Expectation, reversed: boolean): ScoredRating {
  return (reversed ? AS_REVERSED_RATING : AS_RATING)[expectation];
}

/**
 * How much of an indicator's evidence a status carries (METHODS §3): OBSERVED all of it,
 * EMERGING half, EXPIRED all of it reversed. The other statuses do not update, so they keep
 * whatever the indicator had already contributed (undefined here).
 */
export function statusWeight(status: IndicatorStatus): number | undefined {
  switch (status) {
    case 'OBSERVED':
      return 1;
    case 'EMERGING':
      return 0.5;
    case 'EXPIRED':
      return -1;
    case 'NOT_OBSERVED':
    case 'NO_INFORMATION':
    case 'RECEDING':
      return undefined;
  }
}
