import assert from 'node:assert/strict';
import { test } from 'node:test';
import { calendarTicks, tickLabel } from './timeline.js';

const utc = (s: string) => Date.parse(`${s}T00:00:00Z`);
const days = (ticks: number[]) => ticks.map((t) => new Date(t).toISOString().slice(0, 10));

test('a decade gets year ticks, at most eight', () => {
  const ticks = calendarTicks(utc('2015-12-13'), utc('2026-11-21'));
  assert.ok(ticks.length <= 8 && ticks.length >= 5, days(ticks).join());
  for (const d of days(ticks)) assert.match(d, /^\d{4}-01-01$/);
  assert.equal(tickLabel(ticks[0] as number), days(ticks)[0]?.slice(0, 4));
});

test('a few months get month ticks inside the range', () => {
  const ticks = calendarTicks(utc('2019-02-10'), utc('2019-06-20'));
  assert.deepEqual(days(ticks), ['2019-03-01', '2019-04-01', '2019-05-01', '2019-06-01']);
  assert.equal(tickLabel(ticks[0] as number), '2019-03');
});

test('two and a half years get quarter or half-year ticks', () => {
  const ticks = calendarTicks(utc('2017-01-01'), utc('2019-07-01'));
  assert.ok(ticks.length <= 8);
  assert.equal(days(ticks)[0], '2017-01-01');
  for (const d of days(ticks)) assert.match(d, /-(01|04|07|10)-01$/);
});
