import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { normaliseQuote, quoteAppearsIn } from './citations.js';

describe('quoteAppearsIn', () => {
  const document = 'The end of the ‘caliphate’,\n  not IS.\u00a0It is “widely believed” that…';

  it('finds a quote whatever the wrapping and the typographic quotes', () => {
    assert.equal(quoteAppearsIn("the 'caliphate', not IS. It is", document), true);
    assert.equal(quoteAppearsIn('It is "widely believed"', document), true);
    assert.equal(quoteAppearsIn('It  is\n“widely  believed”', document), true);
  });

  it('refuses a quote whose words differ, however slightly', () => {
    assert.equal(quoteAppearsIn('It is widely believed', document), false);
    assert.equal(quoteAppearsIn('the caliphate, not IS', document), false);
    assert.equal(quoteAppearsIn('The End of the', document), false);
  });

  it('normalises to straight quotes and single spaces', () => {
    assert.equal(normaliseQuote(' a\u2019b \u201cc\u201d\n\td '), `a'b "c" d`);
  });
});
