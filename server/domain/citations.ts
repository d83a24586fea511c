/** Citations: what a source says about a hypothesis or an indicator, quoted verbatim. */

export const CITATION_STANCES = ['supports', 'opposes'] as const;
export type CitationStance = (typeof CITATION_STANCES)[number];

const FOLDED: Record<string, string> = {
  '\u2018': "'",
  '\u2019': "'",
  '\u201a': "'",
  '\u201b': "'",
  '\u2032': "'",
  '\u201c': '"',
  '\u201d': '"',
  '\u201e': '"',
  '\u201f': '"',
  '\u2033': '"',
  '\u00a0': ' ',
};
const TO_FOLD = new RegExp(`[${Object.keys(FOLDED).join('')}]`, 'g');

/**
 * The form in which quotes are compared: typographic quotes folded to straight ones and every
 * run of whitespace (line breaks, non-breaking spaces) collapsed to one space, so a quote copied
 * from a page capture matches however the capture wrapped or typeset it.
 *
 * @example normaliseQuote('the “caliphate’s\n soldiers”') === `the "caliphate's soldiers"`
 */
export function normaliseQuote(text: string): string {
  return text
    .replace(TO_FOLD, (c) => FOLDED[c] ?? c)
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * A test of whether a quote appears verbatim in `document`, up to whitespace and typographic
 * quotes. The document is normalised once, however many quotes are checked against it.
 *
 * @example quotedIn('It is “widely\n believed”')('is "widely believed"') === true
 */
export function quotedIn(document: string): (quote: string) => boolean {
  const text = normaliseQuote(document);
  return (quote) => text.includes(normaliseQuote(quote));
}
