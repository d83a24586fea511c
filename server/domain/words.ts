/**
 * METHODS §5: words of estimative probability, ICD 203 (the default scale). Bands are
 * lower-exclusive except the first; a probability outside 1–99 % takes the nearest band.
 */
export interface WordsBand {
  words: readonly [string, ...string[]];
  low: number;
  high: number;
}

export const ICD_203: readonly WordsBand[] = [
  { words: ['almost no chance', 'remote'], low: 0.01, high: 0.05 },
  { words: ['very unlikely', 'highly improbable'], low: 0.05, high: 0.2 },
  { words: ['unlikely', 'improbable'], low: 0.2, high: 0.45 },
  { words: ['roughly even chance', 'roughly even odds'], low: 0.45, high: 0.55 },
  { words: ['likely', 'probable'], low: 0.55, high: 0.8 },
  { words: ['very likely', 'highly probable'], low: 0.8, high: 0.95 },
  { words: ['almost certain', 'nearly certain'], low: 0.95, high: 0.99 },
];

/** Every phrase of the scale, for validating a stated reading. */
export const ICD_203_PHRASES: readonly string[] = ICD_203.flatMap((b) => b.words);

/** The band a phrase names (case-insensitive), or undefined if it is not on the scale. */
export function bandOf(phrase: string): WordsBand | undefined {
  const wanted = phrase.trim().toLowerCase();
  return ICD_203.find((b) => b.words.includes(wanted));
}

/** A phrase's numeric reading: the band's midpoint. @example readingOf('likely') === 0.675 */
export function readingOf(phrase: string): number | undefined {
  const band = bandOf(phrase);
  // In per-mille so the midpoint is the decimal a reader expects (0.03, not 0.030000000000000002).
  return band && (Math.round(band.low * 1000) + Math.round(band.high * 1000)) / 2000;
}

/**
 * The scale's words for a probability (the band's first phrase). Compared in integer per-mille
 * so 0.2 lands in "very unlikely" (its upper edge) despite float representation.
 *
 * @example wordsFor(0.2) === 'very unlikely'; wordsFor(0.201) === 'unlikely'
 */
export function wordsFor(p: number): string {
  const permille = Math.round(p * 1000);
  // Bands are in order, so the first whose upper edge is not below p is the one p falls in.
  const band = ICD_203.find((b) => permille <= Math.round(b.high * 1000)) ?? ICD_203.at(-1);
  return (band as WordsBand).words[0];
}
