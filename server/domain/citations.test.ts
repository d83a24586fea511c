import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { normaliseQuote, quotedIn } from './citations.js';

describe('quotedIn', () => {
  const inDocument = quotedIn(
    'The end of the ‘caliphate’,\n  not IS.\u00a0It is “widely believed” that…',
  );

  it('finds a quote whatever the wrapping and the typographic quotes', () => {
    assert.equal(inDocument("the 'caliphate', not IS. It is"), true);
    assert.equal(inDocument('It is "widely believed"'), true);
    assert.equal(inDocument('It  is\n“widely  believed”'), true);
  });

  it('refuses a quote whose words differ, however slightly', () => {
    assert.equal(inDocument('It is widely believed'), false);
    assert.equal(inDocument('the caliphate, not IS'), false);
    assert.equal(inDocument('The End of the'), false);
  });

  it('normalises to straight quotes and single spaces', () => {
    assert.equal(normaliseQuote(' a\u2019b \u201cc\u201d\n\td '), `a'b "c" d`);
  });
});
