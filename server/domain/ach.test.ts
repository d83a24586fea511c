import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  type AchRow,
  achScores,
  achScoresOfTallies,
  credibilityClass,
  rowDiagnosticity,
  topRanked,
  topRankedWithout,
} from './ach.js';

const row = (id: string, ratings: AchRow['ratings'], over: Partial<AchRow> = {}): AchRow => ({
  id,
  credibility: 3,
  relevance: 'medium',
  ratings,
  ...over,
});

describe('ACH scores (METHODS §2)', () => {
  const rows = [
    row('A', { h1: 'II', h2: 'NA' }),
    row('B', { h1: 'II', h2: 'C' }),
    row('C', { h1: 'I', h2: 'C' }),
    row('D', { h1: 'I', h2: 'C' }),
  ];

  it('ACH1: IS = (6, 0); medium/medium weights leave WIS equal to IS', () => {
    const scores = achScores(['h1', 'h2'], rows);
    assert.deepEqual(scores.inconsistency, { h1: 6, h2: 0 });
    assert.deepEqual(scores.weighted, { h1: 6, h2: 0 });
    assert.deepEqual(topRanked(scores.weighted), ['h2']);
  });

  it('scores from tallies of ratings equal the scores of the rows they count', () => {
    const tallies = [
      {
        hypothesisId: 'h1',
        rating: 'II' as const,
        credibility: 3 as const,
        relevance: 'medium' as const,
        count: 2,
      },
      {
        hypothesisId: 'h1',
        rating: 'I' as const,
        credibility: 3 as const,
        relevance: 'medium' as const,
        count: 2,
      },
      {
        hypothesisId: 'h2',
        rating: 'C' as const,
        credibility: 3 as const,
        relevance: 'medium' as const,
        count: 3,
      },
      {
        hypothesisId: 'h2',
        rating: 'NA' as const,
        credibility: 3 as const,
        relevance: 'medium' as const,
        count: 1,
      },
      {
        hypothesisId: 'gone',
        rating: 'II' as const,
        credibility: 1 as const,
        relevance: 'high' as const,
        count: 9,
      },
    ];
    assert.deepEqual(achScoresOfTallies(['h1', 'h2'], tallies), achScores(['h1', 'h2'], rows));
    const weighted = achScoresOfTallies(
      ['h'],
      [{ hypothesisId: 'h', rating: 'I', credibility: 1, relevance: 'high', count: 3 }],
    ).weighted.h as number;
    assert.ok(Math.abs(weighted - 3 * 2) < 1e-12, `${weighted}`);
  });

  it('weighs credibility and relevance by √2, 1, 1/√2', () => {
    const scores = achScores(
      ['h'],
      [
        row('a', { h: 'I' }, { credibility: 1, relevance: 'high' }),
        row('b', { h: 'II' }, { credibility: 5, relevance: 'medium' }),
      ],
    );
    assert.equal(scores.inconsistency.h, 3);
    assert.ok(Math.abs((scores.weighted.h as number) - (2 + Math.SQRT2)) < 1e-12);
  });

  it('classes the Admiralty digit: 1–2 high, 3 and 6 medium, 4–5 low', () => {
    assert.deepEqual(([1, 2, 3, 4, 5, 6] as const).map(credibilityClass), [
      'high',
      'high',
      'medium',
      'low',
      'low',
      'medium',
    ]);
  });

  it('diagnosticity is the spread over rated hypotheses, NA excluded', () => {
    assert.equal(rowDiagnosticity({ a: 'CC', b: 'II' }), 4);
    assert.equal(rowDiagnosticity({ a: 'C', b: 'NA', c: 'C' }), 0);
    assert.equal(rowDiagnosticity({ a: 'NA' }), 0);
    assert.equal(rowDiagnosticity({ a: 'N', b: 'I' }), 1);
  });

  it('names the rows the top rank hangs on', () => {
    const close = [row('x', { h1: 'I', h2: 'N' }), row('y', { h1: 'N', h2: 'N' })];
    const scores = achScores(['h1', 'h2'], close);
    assert.deepEqual(topRanked(scores.weighted), ['h2']);
    assert.deepEqual(topRankedWithout(['h1', 'h2'], scores, close[0] as AchRow), ['h1', 'h2']);
    assert.deepEqual(topRankedWithout(['h1', 'h2'], scores, close[1] as AchRow), ['h2']);
  });
});
