import assert from 'node:assert/strict';
import { test } from 'node:test';
import { changeSince, standingAt } from './series.js';

const series = [
  { x: 0, y: 0.2 },
  { x: 10, y: 0.5 },
  { x: 20, y: 0.4 },
];

test('the value standing at a time is the last step at or before it', () => {
  assert.equal(standingAt(series, -1), undefined);
  assert.equal(standingAt(series, 0), 0.2);
  assert.equal(standingAt(series, 9), 0.2);
  assert.equal(standingAt(series, 10), 0.5);
  assert.equal(standingAt(series, 99), 0.4);
});

test('the change since a time is now minus then', () => {
  assert.ok(Math.abs((changeSince(series, 5, 25, { fromStart: true }) as number) - 0.2) < 1e-12);
  assert.ok(Math.abs((changeSince(series, 15, 25, { fromStart: true }) as number) + 0.1) < 1e-12);
  assert.equal(changeSince(series, 25, 30, { fromStart: true }), 0);
});

test('a series that began inside the window counts from its start only when asked', () => {
  assert.ok(Math.abs((changeSince(series, -5, 25, { fromStart: true }) as number) - 0.2) < 1e-12);
  assert.equal(changeSince(series, -5, 25, { fromStart: false }), undefined);
  assert.equal(changeSince([], 0, 10, { fromStart: true }), undefined);
});
