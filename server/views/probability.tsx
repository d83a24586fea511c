import { pct } from './format.js';

/** A probability as a number with its ICD 203 words under it. */
export function Probability({ value, words }: { value: number | null; words: string | null }) {
  if (value === null) return <span class="words">no judgment</span>;
  return (
    <span>
      <strong>{pct(value)}</strong>
      <br />
      <span class="words">{words}</span>
    </span>
  );
}
