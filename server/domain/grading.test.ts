import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { gradeOf, gradeWeight } from './grading.js';

describe('Admiralty grading (METHODS §1, §3)', () => {
  it('writes letter then digit', () => {
    assert.equal(gradeOf('B', 2), 'B2');
  });
  it('tempers by the product of both axes', () => {
    assert.equal(gradeWeight('A', 1), 1);
    assert.ok(Math.abs(gradeWeight('B', 2) - 0.64) < 1e-12);
    assert.ok(Math.abs(gradeWeight('E', 5) - 0.04) < 1e-12);
  });
  it('weighs "cannot be judged" at one half, not as bad', () => {
    assert.equal(gradeWeight('F', 6), 0.25);
    assert.ok(gradeWeight('F', 1) > gradeWeight('D', 1));
  });
});
