/**
 * A hypothesis keeps one colour on every chart and table of its question, by position. Dark
 * enough for lines on white (contrast ≥ 3:1), distinct under the common colour-vision deficiencies
 * for the first six (after Okabe & Ito).
 */
const HYPOTHESIS_COLORS = [
  '#0b6bb0',
  '#c0470b',
  '#00805a',
  '#b3478f',
  '#8a6a00',
  '#5e4fa2',
  '#2f7f8f',
  '#a3312f',
  '#4d7a00',
  '#555555',
] as const;

export const colorAt = (position: number) =>
  HYPOTHESIS_COLORS[position % HYPOTHESIS_COLORS.length] as string;
