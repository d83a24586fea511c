import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { thinSeries } from './downsample.js';

test('a short series is kept whole', () => {
  const points = [
    { x: 0, y: 0.2 },
    { x: 5, y: 0.4 },
  ];
  assert.deepEqual(thinSeries(points, 10), points);
});

test('a long series keeps its ends, its extremes and its order, within the budget', () => {
  const points = Array.from({ length: 1000 }, (_, i) => ({ x: i, y: 0.5 }));
  (points[400] as { y: number }).y = 0.99;
  (points[401] as { y: number }).y = 0.01;
  const thin = thinSeries(points, 50);
  assert.ok(thin.length <= 50, `${thin.length} points`);
  assert.deepEqual(thin[0], points[0]);
  assert.deepEqual(thin.at(-1), points[999]);
  assert.ok(thin.some((p) => p.y === 0.99));
  assert.ok(thin.some((p) => p.y === 0.01));
  assert.deepEqual(
    thin.map((p) => p.x),
    [...thin.map((p) => p.x)].sort((a, b) => a - b),
  );
});

test('any series: at most max points, ends kept, the global extremes kept', () => {
  fc.assert(
    fc.property(
      fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 3, maxLength: 400 }),
      fc.integer({ min: 4, max: 100 }),
      (ys, max) => {
        const points = ys.map((y, x) => ({ x, y }));
        const thin = thinSeries(points, max);
        assert.ok(thin.length <= Math.max(max, 3));
        assert.equal(thin[0], points[0]);
        assert.equal(thin.at(-1), points.at(-1));
        assert.ok(thin.some((p) => p.y === Math.min(...ys)));
        assert.ok(thin.some((p) => p.y === Math.max(...ys)));
      },
    ),
  );
});
