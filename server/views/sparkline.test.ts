import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sparklinePath } from './sparkline.js';

test('a step series becomes horizontal-then-vertical segments across the box', () => {
  assert.equal(
    sparklinePath(
      [
        { x: 0, y: 0.5 },
        { x: 5, y: 0.25 },
        { x: 10, y: 1 },
      ],
      100,
      20,
    ),
    'M0.0 10.0H50.0V15.0H100.0V0.0',
  );
  assert.equal(sparklinePath([], 100, 20), '');
});
