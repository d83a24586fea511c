/**
 * The team view: one forecast from several analysts' standing judgments. The median of each
 * analyst's latest judgment — robust to one outlier, and equal to the judgment itself when one
 * analyst has judged. On an exclusive set whose every hypothesis has judgments, the medians are
 * renormalised to sum to 1, so the team view is a distribution like each analyst's.
 */
export const TEAM_METHOD =
  'median of each analyst’s latest judgment (renormalised over an exclusive set)';

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/** The team's forecast per hypothesis, in the order given; null where nobody has judged. */
export function teamForecasts(
  kind: 'exclusive' | 'independent',
  judgments: readonly (readonly number[])[],
): (number | null)[] {
  const medians = judgments.map(median);
  if (kind !== 'exclusive' || medians.length === 0 || medians.some((m) => m === null))
    return medians;
  const total = (medians as number[]).reduce((a, b) => a + b, 0);
  return (medians as number[]).map((m) => m / total);
}
