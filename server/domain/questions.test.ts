import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { effectivePriors, normalisePriors } from './questions.js';

describe('normalisePriors (METHODS §3)', () => {
  it('scales a set to sum to 1', () => {
    const r = normalisePriors([0.5, 0.3, 0.3]);
    assert.ok(r.ok);
    assert.deepEqual(
      r.priors.map((p) => p.toFixed(6)),
      ['0.454545', '0.272727', '0.272727'],
    );
  });

  it('keeps a set that already sums to 1 exactly as stated', () => {
    // In floating point 0.6 + 0.12 + 0.1 + 0.06 + 0.12 is not exactly 1.
    assert.deepEqual(normalisePriors([0.6, 0.12, 0.1, 0.06, 0.12]), {
      ok: true,
      priors: [0.6, 0.12, 0.1, 0.06, 0.12],
    });
  });

  it('refuses a hypothesis that would start below the model floor, naming it', () => {
    const r = normalisePriors([0.9, 0.9, 0.0005]);
    assert.equal(r.ok, false);
    if (!r.ok) {
      assert.equal(r.index, 2);
      assert.match(r.reason, /below the floor/);
    }
  });

  it('starts a lone hypothesis at the ceiling', () => {
    assert.deepEqual(normalisePriors([0.3]), { ok: true, priors: [0.999] });
  });

  it('leaves independent priors as stated', () => {
    assert.deepEqual(effectivePriors('independent', [0.2, 0.9]), [0.2, 0.9]);
  });
});
