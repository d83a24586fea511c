import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { median, teamForecasts } from './team.js';

describe('team forecast', () => {
  it('is the median of the analysts’ judgments', () => {
    assert.equal(median([0.9, 0.2, 0.4]), 0.4);
    assert.equal(median([0.2, 0.6]), 0.4);
    assert.equal(median([0.7]), 0.7);
    assert.equal(median([]), null);
  });

  it('renormalises an exclusive set judged throughout, and leaves the rest as medians', () => {
    // Analysts A (0.6, 0.3, 0.1) and B (0.4, 0.5, 0.1): medians (0.5, 0.4, 0.1) sum to 1.
    assert.deepEqual(
      teamForecasts('exclusive', [
        [0.6, 0.4],
        [0.3, 0.5],
        [0.1, 0.1],
      ]),
      [0.5, 0.4, 0.1],
    );
    // Three analysts whose medians sum to 1.2 ((0.6, 0.4, 0.2)): each divided by 1.2.
    const [a, b, c] = teamForecasts('exclusive', [
      [0.6, 0.7, 0.5],
      [0.4, 0.2, 0.4],
      [0.2, 0.1, 0.3],
    ]) as number[];
    assert.ok(Math.abs((a as number) - 0.5) < 1e-12);
    assert.ok(Math.abs((b as number) - 1 / 3) < 1e-12);
    assert.ok(Math.abs((c as number) - 1 / 6) < 1e-12);
    assert.deepEqual(teamForecasts('exclusive', [[0.6], []]), [0.6, null]);
    assert.deepEqual(teamForecasts('independent', [[0.6, 0.8], [0.3]]), [0.7, 0.3]);
  });
});
