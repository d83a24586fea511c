/**
 * METHODS §4. Expectation of an indicator under a hypothesis (Indicators Validator):
 * highly likely, likely, could, unlikely, highly unlikely.
 */
export const EXPECTATIONS = ['HL', 'L', 'C', 'U', 'HU'] as const;
export type Expectation = (typeof EXPECTATIONS)[number];

export const INDICATOR_STATUSES = [
  'NOT_OBSERVED',
  'NO_INFORMATION',
  'EMERGING',
  'OBSERVED',
  'RECEDING',
  'EXPIRED',
] as const;
export type IndicatorStatus = (typeof INDICATOR_STATUSES)[number];

/** Until anything is reported, an indicator has simply not been seen. */
export const INITIAL_INDICATOR_STATUS: IndicatorStatus = 'NOT_OBSERVED';

/** METHODS §4: how strongly each expectation says the indicator fires under a hypothesis. */
export const EXPECTATION_SCORE: Record<Expectation, number> = { HL: 2, L: 1, C: 0, U: -1, HU: -2 };

export type DiagnosticityClass = 'keep' | 'weak' | 'non_diagnostic';
export interface Diagnosticity {
  spread: number;
  class: DiagnosticityClass;
}

/**
 * Spread = max − min of the expectation scores over the question's hypotheses; keep if ≥ 3,
 * weak if 2, non-diagnostic if ≤ 1 (shown, not deleted).
 *
 * @example indicatorDiagnosticity(['HL', 'U', 'HU']) // { spread: 4, class: 'keep' }
 */
export function indicatorDiagnosticity(expectations: readonly Expectation[]): Diagnosticity {
  if (expectations.length === 0) return { spread: 0, class: 'non_diagnostic' };
  const scores = expectations.map((e) => EXPECTATION_SCORE[e]);
  const spread = Math.max(...scores) - Math.min(...scores);
  return { spread, class: spread >= 3 ? 'keep' : spread === 2 ? 'weak' : 'non_diagnostic' };
}

/**
 * An indicator is rated against every hypothesis of its question (the Indicators Validator
 * matrix): which given ratings name no hypothesis, and which hypotheses have none.
 */
export function expectationCoverage(
  hypotheses: readonly string[],
  rated: readonly string[],
): { unknown: string[]; missing: string[] } {
  const known = new Set(hypotheses);
  const given = new Set(rated);
  return {
    unknown: rated.filter((h) => !known.has(h)),
    missing: hypotheses.filter((h) => !given.has(h)),
  };
}

/** Statuses an analyst may set without evidence; seeing an indicator needs the evidence. */
export const STATUSES_WITHOUT_EVIDENCE: readonly IndicatorStatus[] = [
  'NOT_OBSERVED',
  'NO_INFORMATION',
  'RECEDING',
  'EXPIRED',
];

/**
 * Why an indicator cannot move to `next` on day `on`, or undefined if it can. EXPIRED means its
 * expected-by date passed without it firing: it needs that date, the date must be behind `on`,
 * and an indicator already seen did fire.
 */
export function statusChangeProblem(
  current: IndicatorStatus,
  next: IndicatorStatus,
  indicator: { expectedBy: string | null; on: string },
): string | undefined {
  if (next !== 'EXPIRED') return undefined;
  if (indicator.expectedBy === null) return 'the indicator has no expected-by date to pass';
  if (indicator.on <= indicator.expectedBy) {
    return `its expected-by date ${indicator.expectedBy} has not passed on ${indicator.on}`;
  }
  if (current === 'OBSERVED') return 'it has been observed, so it did not pass unobserved';
  if (current === 'EXPIRED') return 'it has already expired';
  return undefined;
}
