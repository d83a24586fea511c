import type { Credibility, Relevance } from './grading.js';
import type { Rating } from './ratings.js';

/**
 * METHODS §2: Analysis of Competing Hypotheses. Scores count inconsistency, because evidence
 * refutes better than it confirms: the hypothesis with the least is the strongest. Lower is
 * more likely; scores are stored positive.
 */
export interface AchRow {
  id: string;
  credibility: Credibility;
  relevance: Relevance;
  /** By hypothesis id; an absent hypothesis is not rated (distinct from NA). */
  ratings: Readonly<Record<string, Rating>>;
}

export interface AchScores {
  inconsistency: Record<string, number>;
  weighted: Record<string, number>;
}

const INCONSISTENCY: Record<Rating, number> = { CC: 0, C: 0, N: 0, I: 1, II: 2, NA: 0 };
const CONSISTENCY_SCALE: Record<Exclude<Rating, 'NA'>, number> = {
  CC: -2,
  C: -1,
  N: 0,
  I: 1,
  II: 2,
};

export type CredibilityClass = 'high' | 'medium' | 'low';

/** The Admiralty digit as a PARC credibility class: 1–2 high, 3 and 6 medium, 4–5 low. */
export function credibilityClass(credibility: Credibility): CredibilityClass {
  if (credibility <= 2) return 'high';
  if (credibility === 3 || credibility === 6) return 'medium';
  return 'low';
}

// PARC ACH weights for credibility and relevance alike.
const CLASS_WEIGHT: Record<CredibilityClass, number> = {
  high: Math.SQRT2,
  medium: 1,
  low: Math.SQRT1_2,
};

/** The weight of a row in the weighted inconsistency score: w(credibility) · w(relevance). */
export function rowWeight(row: Pick<AchRow, 'credibility' | 'relevance'>): number {
  return CLASS_WEIGHT[credibilityClass(row.credibility)] * CLASS_WEIGHT[row.relevance];
}

/** How many standing rows rate a hypothesis so, at one credibility and relevance. */
export interface AchTally {
  hypothesisId: string;
  rating: Rating;
  credibility: Credibility;
  relevance: Relevance;
  count: number;
}

/**
 * IS(h) = Σ v(r) and WIS(h) = Σ v(r) · w(cred) · w(rel), with v(I) = 1, v(II) = 2, from
 * tallies of ratings: a long history's scores need its counts, not its rows.
 */
export function achScoresOfTallies(
  hypothesisIds: readonly string[],
  tallies: readonly AchTally[],
): AchScores {
  const inconsistency: Record<string, number> = {};
  const weighted: Record<string, number> = {};
  for (const id of hypothesisIds) {
    inconsistency[id] = 0;
    weighted[id] = 0;
  }
  for (const t of tallies) {
    if (!(t.hypothesisId in inconsistency)) continue;
    const v = INCONSISTENCY[t.rating] * t.count;
    inconsistency[t.hypothesisId] = (inconsistency[t.hypothesisId] as number) + v;
    weighted[t.hypothesisId] = (weighted[t.hypothesisId] as number) + v * rowWeight(t);
  }
  return { inconsistency, weighted };
}

/** IS(h) and WIS(h) of a set of rows (see achScoresOfTallies). */
export function achScores(hypothesisIds: readonly string[], rows: readonly AchRow[]): AchScores {
  return achScoresOfTallies(
    hypothesisIds,
    rows.flatMap((row) =>
      Object.entries(row.ratings).map(([hypothesisId, rating]) => ({
        hypothesisId,
        rating,
        credibility: row.credibility,
        relevance: row.relevance,
        count: 1,
      })),
    ),
  );
}

/**
 * A row's diagnosticity: max − min of (CC −2, C −1, N 0, I 1, II 2) over its rated hypotheses,
 * NA excluded. 0 means it does not help tell the hypotheses apart.
 */
export function rowDiagnosticity(ratings: Readonly<Record<string, Rating>>): number {
  const values = Object.values(ratings)
    .filter((r): r is Exclude<Rating, 'NA'> => r !== 'NA')
    .map((r) => CONSISTENCY_SCALE[r]);
  return values.length === 0 ? 0 : Math.max(...values) - Math.min(...values);
}

// Weighted scores are sums of irrational weights; equal sums can differ in the last bits.
const TIE = 1e-9;

/** The top-ranked hypotheses: the least weighted inconsistency (ties all rank first). */
export function topRanked(weighted: Readonly<Record<string, number>>): string[] {
  const entries = Object.entries(weighted);
  if (entries.length === 0) return [];
  const least = Math.min(...entries.map(([, s]) => s));
  return entries.filter(([, s]) => s - least < TIE).map(([id]) => id);
}

/** The top-ranked hypotheses with one row left out: does the ranking hang on that row? */
export function topRankedWithout(
  hypothesisIds: readonly string[],
  scores: AchScores,
  row: AchRow,
): string[] {
  const w = rowWeight(row);
  const without: Record<string, number> = {};
  for (const id of hypothesisIds) {
    const rating = row.ratings[id];
    without[id] = (scores.weighted[id] as number) - (rating ? INCONSISTENCY[rating] * w : 0);
  }
  return topRanked(without);
}
