import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  applyUpdate,
  initialState,
  type ModelEvent,
  moveProbabilities,
  type ResolutionEvent,
  replayModel,
  type UpdateEvent,
  withoutFactors,
} from './updating.js';

const close = (actual: number, expected: number, eps = 1e-12) =>
  assert.ok(Math.abs(actual - expected) < eps, `${actual} is not ${expected}`);

let clock = 0;
function item(over: Partial<UpdateEvent>): UpdateEvent {
  clock += 1;
  return {
    type: 'evidence',
    id: `e${clock}`,
    validOn: '2018-01-01',
    recordedAt: new Date(Date.UTC(2018, 5, 1, 0, 0, clock)),
    weight: 1,
    ratings: {},
    observations: [],
    ...over,
  };
}

describe('updating from evidence (METHODS §3)', () => {
  it('B1: independent, prior 0.2, L = 4, w = 1 → 0.5', () => {
    const { state } = replayModel('independent', { h: 0.2 }, [
      item({ ratings: { h: { rating: 'CC' } } }),
    ]);
    close(state.probabilities.h as number, 0.5);
  });

  it('B2: independent, prior 0.5, explicit ratios 3, 2, 0.5 → 0.75', () => {
    const events = [3, 2, 0.5].map((lr) =>
      item({ ratings: { h: { rating: 'C', likelihoodRatio: lr } } }),
    );
    close(replayModel('independent', { h: 0.5 }, events).state.probabilities.h as number, 0.75);
  });

  it('B3: exclusive, priors (0.5, 0.3, 0.2), likelihoods (0.1, 0.4, 0.8) → (5/33, 4/11, 16/33)', () => {
    const moved = moveProbabilities(
      'exclusive',
      { a: 0.5, b: 0.3, c: 0.2 },
      { a: 0.1, b: 0.4, c: 0.8 },
    );
    close(moved.a as number, 5 / 33);
    close(moved.b as number, 4 / 11);
    close(moved.c as number, 16 / 33);
  });

  it('B5: independent, prior 0.2, L 4 with w 0.5 → 1/3', () => {
    const { lines } = applyUpdate(
      'independent',
      initialState({ h: 0.2 }),
      item({
        weight: 0.5,
        ratings: { h: { rating: 'CC' } },
      }),
    );
    close(lines[0]?.after as number, 1 / 3);
    assert.deepEqual(
      { rating: lines[0]?.rating, weight: lines[0]?.weight, before: lines[0]?.before },
      { rating: 'CC', weight: 0.5, before: 0.2 },
    );
    close(lines[0]?.factor as number, 2);
  });

  it('NA and unrated do not move a hypothesis; in an exclusive set they take factor 1', () => {
    const { state } = replayModel('exclusive', { a: 0.5, b: 0.25, c: 0.25 }, [
      item({ ratings: { a: { rating: 'CC' }, b: { rating: 'NA' } } }),
    ]);
    close(state.probabilities.a as number, 0.8);
    close(state.probabilities.b as number, 0.1);
    close(state.probabilities.c as number, 0.1);
  });

  it('clamps the model to [0.001, 0.999]', () => {
    const events = Array.from({ length: 12 }, () => item({ ratings: { h: { rating: 'CC' } } }));
    assert.equal(replayModel('independent', { h: 0.5 }, events).state.probabilities.h, 0.999);
    const down = Array.from({ length: 12 }, () => item({ ratings: { h: { rating: 'II' } } }));
    assert.equal(replayModel('independent', { h: 0.5 }, down).state.probabilities.h, 0.001);
  });

  it('applies evidence in valid-time order, whatever the order it was logged in', () => {
    const late = item({ validOn: '2018-03-01', ratings: { h: { rating: 'II' } } });
    const early = item({ validOn: '2018-02-01', ratings: { h: { rating: 'CC' } } });
    const { steps } = replayModel('independent', { h: 0.5 }, [late, early]);
    assert.deepEqual(
      steps.map((s) => s.event.id),
      [early.id, late.id],
    );
    close(steps[0]?.lines[0]?.after as number, 0.8);
    close(steps[1]?.lines[0]?.after as number, 0.5);
  });
});

describe('indicators feed the same mechanism (METHODS §3)', () => {
  const expectations = { a: 'HL', b: 'U', c: 'C' } as const;
  const observe = (status: 'OBSERVED' | 'EMERGING' | 'EXPIRED' | 'RECEDING', weight = 1) =>
    item({ weight, observations: [{ indicatorId: 'x', status, expectations }] });

  it('OBSERVED counts as evidence rated HL→CC, U→I, C→N', () => {
    const { lines } = applyUpdate(
      'independent',
      initialState({ a: 0.2, b: 0.5, c: 0.5 }),
      observe('OBSERVED'),
    );
    close(lines[0]?.after as number, 0.5);
    close(lines[1]?.after as number, 1 / 3);
    assert.equal(lines[2]?.after, 0.5);
    assert.deepEqual(lines[0]?.parts, [
      {
        kind: 'indicator',
        rating: 'CC',
        likelihood: 4,
        weight: 1,
        indicator_id: 'x',
        status: 'OBSERVED',
        expectation: 'HL',
      },
    ]);
  });

  it('EXPIRED reverses the expectations: HL→II, U→C', () => {
    const { lines } = applyUpdate(
      'independent',
      initialState({ a: 0.5, b: 0.5, c: 0.5 }),
      observe('EXPIRED'),
    );
    close(lines[0]?.after as number, 0.2);
    close(lines[1]?.after as number, 2 / 3);
    assert.equal(lines[0]?.parts[0]?.rating, 'II');
  });

  it('EMERGING carries half weight, tempered by the grade', () => {
    const { lines } = applyUpdate(
      'independent',
      initialState({ a: 0.2, b: 0.5, c: 0.5 }),
      observe('EMERGING', 0.5),
    );
    close(lines[0]?.factor as number, 4 ** 0.25);
  });

  it('an indicator counts once at its strongest report: repeats add nothing', () => {
    const { state, steps } = replayModel('independent', { a: 0.2, b: 0.5, c: 0.5 }, [
      observe('EMERGING'),
      observe('OBSERVED'),
      observe('RECEDING'),
      observe('OBSERVED'),
    ]);
    close(state.probabilities.a as number, 0.5);
    assert.deepEqual(
      steps.map((s) => s.lines[0]?.factor),
      [2, 2, 1, 1],
    );
  });

  it('a late firing after EXPIRED leaves the indicator counted once, as seen', () => {
    const { state } = replayModel('independent', { a: 0.2, b: 0.5, c: 0.5 }, [
      observe('EXPIRED'),
      observe('OBSERVED'),
    ]);
    close(state.probabilities.a as number, 0.5);
  });
});

describe('retraction (METHODS §3)', () => {
  it('the item counts until the retraction, then the state is recomputed without it', () => {
    const a = item({ validOn: '2018-01-01', ratings: { h: { rating: 'CC' } } });
    const b = item({ validOn: '2018-01-02', ratings: { h: { rating: 'C' } } });
    const retraction: ModelEvent = {
      type: 'retraction',
      id: 'r1',
      evidenceId: a.id,
      validOn: '2018-06-02',
      recordedAt: new Date('2018-06-02T10:00:00Z'),
    };
    const { state, steps } = replayModel('independent', { h: 0.2 }, [retraction, b, a]);
    assert.deepEqual(
      steps.map((s) => s.event.type),
      ['evidence', 'evidence', 'retraction'],
    );
    close(steps[1]?.lines[0]?.after as number, 2 / 3);
    close(steps[2]?.lines[0]?.before as number, 2 / 3);
    close(state.probabilities.h as number, 1 / 3);
    assert.equal(steps[2]?.lines[0]?.factor, null);
  });

  it('an item retracted before it comes up in valid time never counts', () => {
    const future = item({ validOn: '2018-07-01', ratings: { h: { rating: 'CC' } } });
    const { steps } = replayModel('independent', { h: 0.2 }, [
      future,
      {
        type: 'retraction',
        id: 'r',
        evidenceId: future.id,
        validOn: '2018-06-30',
        recordedAt: new Date('2018-06-30T23:00:00Z'),
      },
    ]);
    assert.deepEqual(steps, []);
  });
});

describe('sensitivity: an item divided out', () => {
  it('restores the probabilities the item moved from, in both kinds of question', () => {
    close(withoutFactors('independent', { h: 0.5 }, { h: 4 }).h as number, 0.2);
    const back = withoutFactors(
      'exclusive',
      { a: 5 / 33, b: 4 / 11, c: 16 / 33 },
      { a: 0.1, b: 0.4, c: 0.8 },
    );
    close(back.a as number, 0.5);
    close(back.c as number, 0.2);
  });
});

describe('resolutions in an exclusive set (METHODS §3: open hypotheses)', () => {
  let n = 0;
  const resolution = (
    hypothesisId: string,
    outcome: ResolutionEvent['outcome'],
    validOn: string,
  ): ResolutionEvent => {
    n += 1;
    return {
      type: 'resolution',
      id: `r${n}`,
      hypothesisId,
      outcome,
      validOn,
      resolvedAt: new Date(`${validOn}T00:00:00Z`),
      recordedAt: new Date(Date.UTC(2019, 0, 1, 0, 0, n)),
    };
  };
  const priors = { a: 0.5, b: 0.3, c: 0.2 };

  it('a hypothesis resolved false leaves the set; the open ones keep their proportions', () => {
    const { state, steps } = replayModel('exclusive', priors, [
      resolution('c', 'false', '2018-06-01'),
    ]);
    close(state.probabilities.c as number, 0.001);
    close(state.probabilities.a as number, 0.5 / 0.8);
    close(state.probabilities.b as number, 0.3 / 0.8);
    assert.deepEqual(state.closed, { c: 0 });
    assert.equal(steps[0]?.lines.length, 3);
  });

  it('later evidence renormalises over the open hypotheses only (vector B3 on the rest)', () => {
    const { state } = replayModel('exclusive', priors, [
      resolution('c', 'false', '2018-06-01'),
      item({
        validOn: '2018-07-01',
        ratings: {
          a: { rating: 'C', likelihoodRatio: 0.1 },
          b: { rating: 'C', likelihoodRatio: 0.4 },
          c: { rating: 'CC', likelihoodRatio: 0.8 },
        },
      }),
    ]);
    // a, b ∝ 0.625·0.1, 0.375·0.4 over the open mass 1; c stays resolved.
    close(state.probabilities.a as number, 0.0625 / (0.0625 + 0.15));
    close(state.probabilities.b as number, 0.15 / (0.0625 + 0.15));
    close(state.probabilities.c as number, 0.001);
  });

  it('evidence before the resolution in valid time still moves every hypothesis', () => {
    const { steps } = replayModel('exclusive', priors, [
      resolution('c', 'false', '2018-06-01'),
      item({ validOn: '2018-01-01', ratings: { c: { rating: 'CC' } } }),
    ]);
    assert.equal(steps[0]?.event.type, 'evidence');
    close(steps[0]?.lines.find((l) => l.hypothesisId === 'c')?.after as number, 0.8 / 1.6);
  });

  it('a true resolution takes the whole mass; a retraction refold keeps the resolution', () => {
    const evidence = item({ validOn: '2018-02-01', ratings: { b: { rating: 'CC' } } });
    const { state } = replayModel('exclusive', priors, [
      evidence,
      resolution('a', 'true', '2018-06-01'),
      {
        type: 'retraction',
        id: evidence.id,
        evidenceId: evidence.id,
        validOn: '2018-09-01',
        recordedAt: new Date('2018-09-01T12:00:00Z'),
      },
    ]);
    close(state.probabilities.a as number, 0.999);
    close(state.probabilities.b as number, 0.001);
    close(state.probabilities.c as number, 0.001);
  });

  it('the sensitivity view leaves resolved hypotheses where they are', () => {
    const back = withoutFactors(
      'exclusive',
      { a: 0.6, b: 0.4, c: 0.001 },
      { a: 2, b: 1 },
      { c: 0 },
    );
    close(back.c as number, 0.001);
    close((back.a as number) + (back.b as number), 1);
  });
});
