import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { binOf, calibrationTable, murphyDecomposition, type ScoredPair } from './calibration.js';
import { type ScoringCase, scoreCase, skillAgainst, summariseScores } from './forecaster-scores.js';
import { type LedgerMove, rankByTruth } from './post-mortem.js';
import {
  brierScore,
  type Forecast,
  forecastBefore,
  inValidTimeOrder,
  logScore,
  mean,
  type Outcome01,
  originalBrier,
  timeAveragedBrier,
} from './scoring.js';

const close = (actual: number | null | undefined, expected: number, eps = 1e-9) =>
  assert.ok(
    actual !== null && actual !== undefined && Math.abs(actual - expected) < eps,
    `${actual} is not ${expected}`,
  );

const DAY = 86_400_000;
const day = (n: number) => Date.UTC(2018, 0, n);
const pairs = (p: number[], o: Outcome01[]): ScoredPair[] =>
  p.map((probability, i) => ({ probability, outcome: o[i] as Outcome01 }));

describe('METHODS §7 scoring vectors', () => {
  it('S1: Brier 0.175, original form 0.35, mean log score −0.510826', () => {
    const s1 = pairs([0.9, 0.7, 0.2, 0.6], [1, 0, 0, 1]);
    close(mean(s1.map((f) => brierScore(f.probability, f.outcome))), 0.175);
    const asSets = s1.map((f) => [
      f,
      { probability: 1 - f.probability, outcome: (1 - f.outcome) as Outcome01 },
    ]);
    close(originalBrier(asSets), 0.35);
    close(mean(s1.map((f) => logScore(f.probability, f.outcome))), -0.510826, 1e-6);
  });

  it('S4: BS 0.22 = REL 0.02 − RES 0.04 + UNC 0.24', () => {
    const s4 = pairs(
      [0.2, 0.2, 0.2, 0.2, 0.2, 0.8, 0.8, 0.8, 0.8, 0.8],
      [1, 0, 0, 0, 0, 1, 1, 1, 0, 0],
    );
    const d = murphyDecomposition(s4);
    assert.ok(d);
    close(d.brier, 0.22);
    close(d.reliability, 0.02);
    close(d.resolution, 0.04);
    close(d.uncertainty, 0.24);
    close(d.within_bin_variance, 0);
    close(d.within_bin_covariance, 0);
    close(d.residual, 0, 1e-15);
  });

  it('S5: five bins of 0.2 give the counts, means, observed shares and ECE 0.22', () => {
    const s5 = pairs(
      [0, 0.1, 0.2, 0.21, 0.4, 0.55, 0.8, 0.81, 1.0, 0.35],
      [0, 0, 1, 0, 1, 1, 1, 0, 1, 0],
    );
    const { bins, ece } = calibrationTable(s5, 5);
    assert.deepEqual(
      bins.map((b) => b.count),
      [3, 3, 1, 1, 2],
    );
    [0.1, 0.32, 0.55, 0.8, 0.905].forEach((m, i) => {
      close(bins[i]?.mean_forecast, m);
    });
    [1 / 3, 1 / 3, 1, 1, 0.5].forEach((o, i) => {
      close(bins[i]?.observed, o);
    });
    close(ece, 0.22);
  });

  it('S6: 0.6 from day 1, 0.8 from day 4, 0.9 from day 8, true over 10 days → 0.067', () => {
    const series = [
      { probability: 0.6, validAt: day(1) },
      { probability: 0.8, validAt: day(4) },
      { probability: 0.9, validAt: day(8) },
    ];
    close(timeAveragedBrier(series, day(1), day(11), 1), 0.067);
  });
});

describe('calibration bins', () => {
  it('puts a forecast on a bin edge in the lower bin (right-closed), on integer per-mille', () => {
    assert.equal(binOf(0), 0);
    assert.equal(binOf(0.1), 0);
    assert.equal(binOf(0.1001), 0, '100.1‰ rounds to 100‰, the edge');
    assert.equal(binOf(0.1006), 1, 'rounds to 101‰');
    assert.equal(binOf(0.1 + 0.2), 2, '0.30000000000000004 is 300‰, in (0.2, 0.3]');
    assert.equal(binOf(0.3004), 2, 'rounds to 300‰');
    assert.equal(binOf(0.3006), 3, 'rounds to 301‰');
    assert.equal(binOf(0.999), 9);
    assert.equal(binOf(1), 9);
  });

  it('reports empty bins with null means and leaves them out of ECE', () => {
    const { bins, ece } = calibrationTable(pairs([0.75], [1]));
    assert.equal(bins.length, 10);
    assert.equal(bins[7]?.count, 1);
    assert.equal(bins[0]?.mean_forecast, null);
    close(ece, 0.25);
  });

  it('decomposes exactly for any forecasts (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.double({ min: 0.001, max: 0.999, noNaN: true }), fc.boolean()), {
          minLength: 1,
          maxLength: 200,
        }),
        (xs) => {
          const ps = xs.map(([p, o]) => ({ probability: p, outcome: (o ? 1 : 0) as Outcome01 }));
          const d = murphyDecomposition(ps);
          assert.ok(d);
          assert.ok(Math.abs(d.residual) < 1e-12, `residual ${d.residual}`);
          close(d.brier, mean(ps.map((p) => brierScore(p.probability, p.outcome))) as number);
        },
      ),
    );
  });
});

describe('which forecast is scored', () => {
  const series: Forecast[] = [
    { probability: 0.3, validAt: day(1) },
    { probability: 0.6, validAt: day(5) },
    { probability: 0.9, validAt: day(10) },
  ];

  it('takes the latest strictly before resolution: one made at the moment never counts', () => {
    assert.equal(forecastBefore(series, day(10))?.probability, 0.6);
    assert.equal(forecastBefore(series, day(10) + 1)?.probability, 0.9);
    assert.equal(forecastBefore(series, day(1)), undefined);
  });

  it('orders by valid time, keeping the given order among equal times', () => {
    const ordered = inValidTimeOrder([
      { probability: 0.2, validAt: day(3) },
      { probability: 0.4, validAt: day(1) },
      { probability: 0.5, validAt: day(3) },
    ]);
    assert.deepEqual(
      ordered.map((f) => f.probability),
      [0.4, 0.2, 0.5],
    );
  });

  it('clamps the log score to [0.001, 0.999]', () => {
    close(logScore(0.0001, 1), Math.log(0.001));
    close(logScore(0.9999, 0), Math.log(0.001));
  });
});

describe('time-averaged Brier', () => {
  it('ignores forecasts at or after the end and starts a late-starting window mid-forecast', () => {
    const series = [
      { probability: 0.5, validAt: day(1) },
      { probability: 0.9, validAt: day(6) },
      { probability: 0.1, validAt: day(11) },
    ];
    // From day 3 to day 11: 0.5 for 3 days (0.25 each), 0.9 for 5 days (0.01 each), outcome true.
    close(timeAveragedBrier(series, day(3), day(11), 1), (3 * 0.25 + 5 * 0.01) / 8);
    close(timeAveragedBrier(series, day(3), day(3) + DAY / 2, 1), 0.25, 1e-12);
  });

  it('is null when nothing stands in the window', () => {
    assert.equal(
      timeAveragedBrier([{ probability: 0.5, validAt: day(20) }], day(1), day(10), 0),
      null,
    );
    assert.equal(timeAveragedBrier([], day(1), day(10), 0), null);
  });
});

function scoringCase(over: Partial<ScoringCase>): ScoringCase {
  return {
    hypothesisId: 'h1',
    questionId: 'q1',
    outcome: 1,
    resolvedAt: day(400),
    windowStart: day(1),
    series: [{ probability: 0.5, validAt: day(1) }],
    setSize: null,
    ...over,
  };
}

describe('a forecaster’s cases', () => {
  it('scores a single forecast, with the fixed horizons that stood by then', () => {
    const score = scoreCase(
      scoringCase({
        resolvedAt: day(360),
        series: [
          { probability: 0.5, validAt: day(1) },
          { probability: 0.8, validAt: day(320) },
        ],
      }),
    );
    assert.ok(score);
    close(score.brier, 0.04);
    close(score.log, Math.log(0.8));
    assert.equal(score.horizons[365], null, 'the hypothesis had not opened 365 days before');
    assert.equal(score.horizons[90]?.probability, 0.5);
    assert.equal(score.horizons[30]?.probability, 0.8);
    close(score.timeAveragedBrier, (319 * 0.25 + 40 * 0.04) / 359);
    const summary = summariseScores([score]);
    assert.equal(summary.n, 1);
    close(summary.brier, 0.04);
    assert.deepEqual(
      summary.horizons.map((h) => h.n),
      [0, 1, 1, 1],
    );
    assert.equal(summary.calibration[7]?.count, 1);
  });

  it('excludes a forecast made after resolution, and scores an earlier horizon on request', () => {
    const c = scoringCase({
      resolvedAt: day(100),
      series: [
        { probability: 0.4, validAt: day(1) },
        { probability: 0.99, validAt: day(100) },
      ],
    });
    assert.equal(scoreCase(c)?.forecast.probability, 0.4);
    assert.equal(scoreCase(c, 120), undefined, 'nothing stood 120 days before');
    assert.equal(
      scoreCase(scoringCase({ series: [{ probability: 0.7, validAt: day(400) }] })),
      undefined,
    );
  });

  it('has no forecast standing before the window opens, even with one dated earlier', () => {
    const c = scoringCase({
      windowStart: day(100),
      resolvedAt: day(200),
      series: [
        { probability: 0.5, validAt: day(50) },
        { probability: 0.7, validAt: day(60) },
      ],
    });
    assert.equal(scoreCase(c)?.forecast.probability, 0.7, 'what stood at the opening counts');
    assert.equal(scoreCase(c, 100), undefined, 'the hypothesis had not opened 100 days before');
    assert.equal(scoreCase(c)?.horizons[90]?.probability, 0.7);
    close(scoreCase(c)?.timeAveragedBrier, 0.09);
  });

  it('gives the original form only for exclusive sets scored whole', () => {
    const set = (id: string, p: number, outcome: Outcome01) =>
      scoreCase(
        scoringCase({
          hypothesisId: id,
          outcome,
          setSize: 3,
          series: [{ probability: p, validAt: day(1) }],
        }),
      );
    const whole = [set('a', 0.6, 1), set('b', 0.3, 0), set('c', 0.1, 0)].flatMap((s) => s ?? []);
    const summary = summariseScores(whole);
    close(summary.brier_original?.value, 0.16 + 0.09 + 0.01);
    assert.equal(summary.brier_original?.questions, 1);
    assert.equal(summariseScores(whole.slice(0, 2)).brier_original, null);
  });

  it('measures skill on matched cases only', () => {
    const scores = [0.9, 0.6].flatMap(
      (p, i) =>
        scoreCase(
          scoringCase({ hypothesisId: `h${i}`, series: [{ probability: p, validAt: day(1) }] }),
        ) ?? [],
    );
    const skill = skillAgainst(scores, (s) => (s.hypothesisId === 'h0' ? 0.25 : undefined));
    assert.equal(skill.n, 1);
    close(skill.value, 1 - 0.01 / 0.25);
    assert.equal(
      skillAgainst(scores, () => 0).value,
      null,
      'a perfect reference leaves skill undefined',
    );
  });
});

describe('a post-mortem’s ranking of evidence', () => {
  const move = (
    causeId: string,
    before: number,
    after: number,
    validAt: number,
    causeType: LedgerMove['causeType'] = 'evidence',
  ): LedgerMove => ({ causeId, causeType, before, after, validAt });

  it('ranks causes by their net move toward the truth; the moves add up to the whole change', () => {
    const moves = [
      move('a', 0.2, 0.5, day(2)),
      move('b', 0.5, 0.4, day(3)),
      move('c', 0.4, 0.7, day(4)),
      move('a', 0.7, 0.45, day(5), 'retraction'),
      move('late', 0.45, 0.99, day(30)),
    ];
    const ranked = rankByTruth(moves, 1, day(20));
    assert.deepEqual(
      ranked.map((r) => r.causeId),
      ['c', 'a', 'b'],
      'the move after resolution is not counted',
    );
    close(ranked[0]?.toward, 0.3);
    close(ranked[1]?.toward, 0.05);
    assert.equal(ranked[1]?.retracted, true);
    close(ranked[2]?.toward, -0.1);
    close(
      ranked.reduce((s, r) => s + r.toward, 0),
      0.45 - 0.2,
    );
    const whenFalse = rankByTruth(moves, 0, day(20));
    assert.deepEqual(
      whenFalse.map((r) => r.causeId),
      ['b', 'a', 'c'],
    );
  });
});
