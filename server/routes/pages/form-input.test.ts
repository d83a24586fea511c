import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fieldErrors, fieldsUnder, formValues, fractionOf } from './form-input.js';

test('blank fields are dropped and the rest trimmed', () => {
  assert.deepEqual(formValues({ a: ' x ', b: '  ', c: 'y', f: new Blob([]) }), { a: 'x', c: 'y' });
});

test('fields under a prefix, one level deep', () => {
  assert.deepEqual(
    fieldsUnder({ 'ratings.h1': 'C', 'ratings.h1.likelihood_ratio': '3', title: 't' }, 'ratings'),
    [['h1', 'C']],
  );
});

test('percentages become probabilities; text stays text for the validator to name', () => {
  assert.equal(fractionOf('45'), 0.45);
  assert.equal(fractionOf('abc'), 'abc');
  assert.equal(fractionOf(undefined), undefined);
});

test('problems land on the longest known field their path names', () => {
  const known = new Set([
    'title',
    'ratings.h1',
    'ratings.h1.likelihood_ratio',
    'observations.i9',
    'probability',
  ]);
  const errors = fieldErrors(
    [
      { path: 'body.title', message: 'must not be empty' },
      { path: 'body.ratings.h1.rating', message: 'bad rating' },
      { path: 'body.ratings.h1.likelihood_ratio', message: 'C (consistent) needs a ratio above 1' },
      { path: 'body.observations.0.status', message: 'bad status' },
      { path: 'body.probability', message: 'must be less than 1' },
      { path: 'path.id', message: 'is resolved' },
      { path: '', message: 'a conflict' },
    ],
    known,
    { aliases: { 'observations.0': 'observations.i9' }, percent: new Set(['probability']) },
  );
  assert.deepEqual(errors, {
    title: ['must not be empty'],
    'ratings.h1': ['bad rating'],
    'ratings.h1.likelihood_ratio': ['C (consistent) needs a ratio above 1'],
    'observations.i9': ['bad status'],
    probability: ['must be below 100 %'],
    '': ['is resolved', 'a conflict'],
  });
});
