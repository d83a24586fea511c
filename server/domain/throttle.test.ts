import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { FailureThrottle } from './throttle.js';

describe('FailureThrottle', () => {
  it('refuses after the limit until the oldest failure leaves the window', () => {
    const t = new FailureThrottle({ limit: 3, windowMs: 1000 });
    t.fail('a', 0);
    t.fail('a', 100);
    assert.equal(t.retryAfter('a', 200), 0);
    t.fail('a', 200);
    assert.equal(t.retryAfter('a', 300), 700);
    assert.equal(t.retryAfter('b', 300), 0);
    assert.equal(t.retryAfter('a', 1000), 0, 'the failure at 0 has left the window');
    t.fail('a', 1000);
    assert.equal(t.retryAfter('a', 1050), 50, 'now 100, 200 and 1000 are in the window');
    t.clear('a');
    assert.equal(t.retryAfter('a', 1050), 0);
  });
});
