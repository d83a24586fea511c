import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { bandOf, readingOf, wordsFor } from './words.js';

describe('ICD 203 words (METHODS §5)', () => {
  it('reads a phrase as its band midpoint', () => {
    assert.equal(readingOf('likely'), 0.675);
    assert.equal(readingOf('Roughly even odds'), 0.5);
    assert.equal(readingOf('remote'), 0.03);
    assert.equal(readingOf('could indeed become'), undefined);
  });

  it('bands are lower-exclusive except the first', () => {
    assert.equal(wordsFor(0.01), 'almost no chance');
    assert.equal(wordsFor(0.05), 'almost no chance');
    assert.equal(wordsFor(0.051), 'very unlikely');
    assert.equal(wordsFor(0.2), 'very unlikely');
    assert.equal(wordsFor(0.45), 'unlikely');
    assert.equal(wordsFor(0.55), 'roughly even chance');
    assert.equal(wordsFor(0.8), 'likely');
    assert.equal(wordsFor(0.95), 'very likely');
    assert.equal(wordsFor(0.99), 'almost certain');
  });

  it('takes the nearest band outside 1–99 %', () => {
    assert.equal(wordsFor(0.001), 'almost no chance');
    assert.equal(wordsFor(0.999), 'almost certain');
  });

  it('agrees with itself: every midpoint reads back to its own band', () => {
    for (const phrase of ['remote', 'improbable', 'probable', 'highly probable']) {
      const p = readingOf(phrase) as number;
      assert.ok(bandOf(wordsFor(p))?.words.includes(phrase));
    }
  });
});
