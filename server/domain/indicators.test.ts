import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { indicatorDiagnosticity, statusChangeProblem } from './indicators.js';

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

describe('statusChangeProblem (METHODS §4)', () => {
  const dated = { expectedBy: '2019-06-30', on: '2019-07-01' };
  it('lets an unseen indicator expire once its expected-by date has passed', () => {
    assert.equal(statusChangeProblem('NOT_OBSERVED', 'EXPIRED', dated), undefined);
    assert.equal(statusChangeProblem('EMERGING', 'EXPIRED', dated), undefined);
  });
  it('refuses expiry without a date, before it passes, or after the indicator was seen', () => {
    assert.match(
      statusChangeProblem('NOT_OBSERVED', 'EXPIRED', { expectedBy: null, on: '2019-07-01' }) ?? '',
      /no expected-by date/,
    );
    assert.match(
      statusChangeProblem('NOT_OBSERVED', 'EXPIRED', { ...dated, on: '2019-06-30' }) ?? '',
      /has not passed/,
    );
    assert.match(statusChangeProblem('OBSERVED', 'EXPIRED', dated) ?? '', /observed/);
    assert.match(statusChangeProblem('EXPIRED', 'EXPIRED', dated) ?? '', /already expired/);
  });
  it('allows every other change, a late firing included', () => {
    assert.equal(statusChangeProblem('EXPIRED', 'OBSERVED', dated), undefined);
    assert.equal(statusChangeProblem('OBSERVED', 'RECEDING', dated), undefined);
  });
});
