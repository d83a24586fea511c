import { dayOf } from '../schemas/common.js';

/** How numbers and times read on the pages. */

/** 0.4512 → "45 %"; below 10 % and above 90 % with one decimal, where the difference matters. */
export function pct(p: number): string {
  const digits = p < 0.1 || p > 0.9 ? 1 : 0;
  return `${(p * 100).toFixed(digits)} %`;
}

/** A change in probability in percentage points, signed: "+12.5 pts", "−3.0 pts", "±0". */
export function points(delta: number): string {
  const value = Math.round(delta * 1000) / 10;
  if (value === 0) return '±0';
  return `${value > 0 ? '+' : '−'}${Math.abs(value).toFixed(1)} pts`;
}

/** The class that colours a change: up, down or none. */
export const direction = (delta: number) =>
  Math.round(delta * 1000) === 0 ? undefined : delta > 0 ? 'up' : 'down';

/** "2018-06-30" for a Date or an ISO string (whose day is its first ten characters). */
export function day(value: Date | string): string {
  return typeof value === 'string' ? value.slice(0, 10) : dayOf(value);
}

/** "2018-06-30 14:05 UTC". */
export function moment(value: Date | string): string {
  const iso = typeof value === 'string' ? new Date(value).toISOString() : value.toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
}

/** A score to three decimals ("0.175"), or a dash where there is none. */
export function score(value: number | null | undefined, digits = 3): string {
  if (value === null || value === undefined) return '—';
  return value.toFixed(digits).replace('-', '−');
}
