import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { indicatorDiagnosticity } from './indicators.js';

describe('indicatorDiagnosticity (METHODS §4)', () => {
  it('IV: expectations (HL, U, HU) spread 4, keep', () => {
    assert.deepEqual(indicatorDiagnosticity(['HL', 'U', 'HU']), { spread: 4, class: 'keep' });
  });
  it('spread 2 is weak, spread 1 non-diagnostic', () => {
    assert.deepEqual(indicatorDiagnosticity(['L', 'U']), { spread: 2, class: 'weak' });
    assert.deepEqual(indicatorDiagnosticity(['C', 'L', 'C']), {
      spread: 1,
      class: 'non_diagnostic',
    });
  });
  it('spread 3 is the first that keeps', () => {
    assert.equal(indicatorDiagnosticity(['HL', 'U']).class, 'keep');
  });
  it('no expectations is not diagnostic', () => {
    assert.deepEqual(indicatorDiagnosticity([]), { spread: 0, class: 'non_diagnostic' });
  });
});
