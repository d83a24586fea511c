import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { LoggedEvidenceSchema, RetractedEvidenceSchema } from '../server/schemas/evidence.js';
import { MatrixSchema } from '../server/schemas/matrix.js';
import { TimelineSchema } from '../server/schemas/timeline.js';
import { testClient } from './support/api.js';
import { openTestDatabase, type TestDatabase } from './support/database.js';

/**
 * A short, realistic sequence through the API with the exact probabilities after each step
 * (METHODS §3): evidence in and out of valid-time order, an indicator emerging then expiring,
 * a backdated judgment, a retraction, and the as-of views before and after each of them.
 */

const close = (actual: number | undefined, expected: number, what = '') =>
  assert.ok(
    actual !== undefined && Math.abs(actual - expected) < 1e-12,
    `${what} ${actual} is not ${expected}`,
  );
const p = (odds: number) => odds / (1 + odds);

/** An instant strictly between two writes: whatever was recorded before it, nothing after. */
async function moment(): Promise<string> {
  await sleep(5);
  const at = new Date().toISOString();
  await sleep(5);
  return at;
}

const hypothesis = (title: string, prior: number) => ({
  title,
  statement: `${title}, by the end of 2018.`,
  horizon: '2018-12-31',
  resolution_criteria: `Credible public reporting that ${title.toLowerCase()}.`,
  prior,
  opened_at: '2017-12-01',
});

describe('the analyst’s loop, step by step', () => {
  let t: TestDatabase;
  let api: ReturnType<typeof testClient>;
  let q: string;
  let insurgency: string;
  let libya: string;
  let indicator: string;
  const model = async (asOf?: string) => {
    const res = await api.get(`/api/questions/${q}${asOf ? `?as_of=${asOf}` : ''}`);
    return Object.fromEntries(
      res.body.hypotheses.map((h: { id: string; current: { model: number } }) => [
        h.id,
        h.current.model,
      ]),
    ) as Record<string, number>;
  };
  const evidence = (over: Record<string, unknown>) =>
    api.post(`/api/questions/${q}/evidence`, {
      title: 'Report',
      occurred_on: '2018-01-10',
      source: { title: 'Wire service', url: 'https://example.org/wire' },
      reliability: 'A',
      credibility: 1,
      ratings: {},
      ...over,
    });

  before(async () => {
    t = await openTestDatabase();
    api = testClient(t.db);
    const created = await api.post('/api/questions', {
      title: 'After the caliphate',
      kind: 'independent',
      hypotheses: [hypothesis('Insurgency in Iraq', 0.2), hypothesis('Leaders move to Libya', 0.5)],
    });
    q = created.body.id;
    [insurgency, libya] = created.body.hypotheses.map((h: { id: string }) => h.id);
    const ind = await api.post(`/api/questions/${q}/indicators`, {
      title: 'Night raids on checkpoints',
      expected_by: '2018-06-30',
      expectations: { [insurgency]: 'HL', [libya]: 'U' },
    });
    indicator = ind.body.id;
  });
  after(async () => t.close());

  const odds = { insurgency: 0.25, libya: 1 };
  let e1: string;
  let beforeBackdated: string;
  let beforeRetraction: string;

  it('1. evidence A1: CC moves 0.2 to 0.5 (B1), I moves 0.5 to 1/3, with the ledger', async () => {
    const res = await evidence({
      title: 'Attacks on checkpoints near Kirkuk',
      ratings: { [insurgency]: 'CC', [libya]: 'I' },
    });
    assert.equal(res.status, 201);
    const logged = LoggedEvidenceSchema.parse(res.body);
    e1 = logged.id;
    assert.equal(logged.grade, 'A1');
    const [a, b] = logged.effects;
    assert.deepEqual(
      {
        id: a?.hypothesis_id,
        before: a?.before,
        rating: a?.rating,
        weight: a?.weight,
        factor: a?.factor,
      },
      { id: insurgency, before: 0.2, rating: 'CC', weight: 1, factor: 4 },
    );
    close(a?.after, 0.5);
    close(b?.after, 1 / 3);
    assert.equal(
      logged.current.find((c) => c.hypothesis_id === insurgency)?.after_words,
      'roughly even chance',
    );
    odds.insurgency *= 4;
    odds.libya *= 0.5;
  });

  it('2. evidence B2 with an explicit ratio 3 tempers it to 3^0.64; NA leaves the other alone', async () => {
    const res = await evidence({
      title: 'Governor reports a campaign of ambushes',
      occurred_on: '2018-02-01',
      reliability: 'B',
      credibility: 2,
      ratings: { [insurgency]: { rating: 'C', likelihood_ratio: 3 }, [libya]: 'NA' },
    });
    assert.equal(res.status, 201);
    odds.insurgency *= 3 ** 0.64;
    const current = await model();
    close(current[insurgency], p(odds.insurgency), 'insurgency');
    close(current[libya], p(odds.libya), 'libya');
    close(res.body.effects[0].factor, 3 ** 0.64);
    beforeBackdated = await moment();
  });

  it('3. a backdated judgment: its valid time is when it speaks for, its words come back', async () => {
    const res = await api.post(`/api/hypotheses/${insurgency}/assessments`, {
      probability: 0.6,
      rationale: 'Recorded from the January assessment meeting.',
      effective_at: '2018-01-15',
    });
    assert.equal(res.status, 201);
    assert.equal(res.body.words, 'likely');
    assert.equal(res.body.valid_at, '2018-01-15T00:00:00.000Z');
    assert.ok(res.body.recorded_at > beforeBackdated);
    const view = await api.get(`/api/questions/${q}`);
    assert.equal(view.body.hypotheses[0].current.analyst, 0.6);
    const then = await api.get(`/api/questions/${q}?as_of=${beforeBackdated}`);
    assert.equal(then.body.hypotheses[0].current.analyst, null);
  });

  it('4. backdated evidence F6 goes first in valid time; as of before it, it is not there', async () => {
    const res = await evidence({
      title: 'Earlier rumour of a ceasefire',
      occurred_on: '2018-01-05',
      reliability: 'F',
      credibility: 6,
      ratings: { [insurgency]: 'II' },
    });
    assert.equal(res.status, 201);
    // Its own ledger line sits at the start of the series, before E1.
    close(res.body.effects[0].before, 0.2);
    close(res.body.effects[0].after, p(0.25 * 0.25 ** 0.25));
    const previous = p(odds.insurgency);
    odds.insurgency *= 0.25 ** 0.25;
    close(res.body.current[0].before, previous);
    close(res.body.current[0].after, p(odds.insurgency));
    close((await model())[insurgency], p(odds.insurgency));
    close((await model(beforeBackdated))[insurgency], previous);

    const now = TimelineSchema.parse(
      (await api.get(`/api/hypotheses/${insurgency}/timeline`)).body,
    );
    const then = TimelineSchema.parse(
      (await api.get(`/api/hypotheses/${insurgency}/timeline?as_of=${beforeBackdated}`)).body,
    );
    const steps = (tl: typeof now) =>
      tl.points.filter((x) => x.series === 'model').map((x) => x.cause.title);
    assert.deepEqual(steps(then), [
      'Prior',
      'Attacks on checkpoints near Kirkuk',
      'Governor reports a campaign of ambushes',
    ]);
    assert.deepEqual(steps(now), [
      'Prior',
      'Earlier rumour of a ceasefire',
      'Attacks on checkpoints near Kirkuk',
      'Governor reports a campaign of ambushes',
    ]);
    assert.deepEqual(
      then.points.filter((x) => x.series === 'analyst'),
      [],
      'the judgment recorded after that moment is not known then',
    );
    const judgment = now.points.find((x) => x.series === 'analyst');
    assert.equal(judgment?.valid_at, '2018-01-15T00:00:00.000Z');
    assert.equal(judgment?.cause.type, 'judgment');
  });

  it('5. an indicator EMERGING counts at half weight through its expectations', async () => {
    const res = await evidence({
      title: 'First night raids reported',
      occurred_on: '2018-03-01',
      observations: [{ indicator_id: indicator, status: 'EMERGING' }],
    });
    assert.equal(res.status, 201);
    odds.insurgency *= 4 ** 0.5; // HL → CC, half weight
    odds.libya *= 0.5 ** 0.5; // U → I, half weight
    const current = await model();
    close(current[insurgency], p(odds.insurgency));
    close(current[libya], p(odds.libya));
    assert.deepEqual(res.body.effects[0].parts[0], {
      kind: 'indicator',
      rating: 'CC',
      likelihood: 4,
      weight: 0.5,
      indicator_id: indicator,
      status: 'EMERGING',
      expectation: 'HL',
    });
    const view = await api.get(`/api/questions/${q}`);
    assert.equal(view.body.indicators[0].status, 'EMERGING');
    assert.equal(view.body.indicators[0].status_evidence_id, res.body.id);
    beforeRetraction = await moment();
  });

  it('6. retracting E1 recomputes the series from then on; before it, E1 still counted', async () => {
    const res = await api.post(`/api/evidence/${e1}/retract`, {
      reason: 'The attacks were criminal, not ISIS.',
    });
    assert.equal(res.status, 200);
    const retracted = RetractedEvidenceSchema.parse(res.body);
    assert.equal(retracted.evidence.retraction?.reason, 'The attacks were criminal, not ISIS.');
    const previous = { ...odds };
    odds.insurgency /= 4;
    odds.libya /= 0.5;
    close(retracted.current[0]?.before, p(previous.insurgency));
    close(retracted.current[0]?.after, p(odds.insurgency));
    close((await model())[libya], p(odds.libya));
    close((await model(beforeRetraction))[insurgency], p(previous.insurgency));

    const timeline = TimelineSchema.parse(
      (await api.get(`/api/hypotheses/${insurgency}/timeline`)).body,
    );
    const last = timeline.points.filter((x) => x.series === 'model').at(-1);
    assert.equal(last?.cause.type, 'retraction');
    assert.equal(last?.cause.title, 'Retracted: Attacks on checkpoints near Kirkuk');
    close(last?.probability, p(odds.insurgency));

    const log = await api.get(`/api/questions/${q}/evidence`);
    assert.equal(log.body.items.length, 4, 'nothing is deleted');
    assert.equal(
      log.body.items.find((e: { id: string }) => e.id === e1).retraction.reason,
      'The attacks were criminal, not ISIS.',
    );
    const then = await api.get(`/api/questions/${q}/evidence?as_of=${beforeRetraction}`);
    assert.equal(then.body.items.find((e: { id: string }) => e.id === e1).retraction, null);
    const earlier = await api.get(`/api/questions/${q}/evidence?as_of=${beforeBackdated}`);
    assert.deepEqual(
      earlier.body.items.map((e: { title: string }) => e.title),
      ['Governor reports a campaign of ambushes', 'Attacks on checkpoints near Kirkuk'],
    );
    const again = await api.post(`/api/evidence/${e1}/retract`, { reason: 'twice' });
    assert.equal(again.status, 409);
  });

  it('7. the indicator expires unseen: the half it carried is reversed to a full inconsistency', async () => {
    const early = await api.post(`/api/indicators/${indicator}/status`, {
      status: 'EXPIRED',
      observed_on: '2018-06-30',
      note: 'Not by its date',
    });
    assert.equal(early.status, 409);
    assert.match(early.body.errors[0].message, /has not passed/);
    const res = await api.post(`/api/indicators/${indicator}/status`, {
      status: 'EXPIRED',
      observed_on: '2018-07-01',
      note: 'No night raids reported by the end of June.',
    });
    assert.equal(res.status, 201);
    assert.equal(res.body.indicator.status, 'EXPIRED');
    odds.insurgency *= 0.25 ** 1.5; // from +0.5 to −1: HL reversed to II at 1.5
    odds.libya *= 2 ** 1.5; // U reversed to C
    const current = await model();
    close(current[insurgency], p(odds.insurgency));
    close(current[libya], p(odds.libya));
    const history = await api.get(`/api/indicators/${indicator}/history`);
    assert.deepEqual(
      history.body.changes.map((c: { status: string; evidence: unknown }) => [
        c.status,
        c.evidence !== null,
      ]),
      [
        ['EMERGING', true],
        ['EXPIRED', false],
      ],
    );
  });

  it('the stored series equals a replay of the facts, step for step', async () => {
    for (const id of [insurgency, libya]) {
      const stored = (await api.get(`/api/hypotheses/${id}/timeline`)).body;
      const replayed = (await api.get(`/api/hypotheses/${id}/timeline?as_of=${await moment()}`))
        .body;
      assert.deepEqual(
        stored.points,
        replayed.points,
        'incremental updates and the recompute agree',
      );
    }
  });

  it('the matrix scores the standing evidence and leaves the retracted out', async () => {
    const matrix = MatrixSchema.parse((await api.get(`/api/questions/${q}/matrix`)).body);
    assert.equal(matrix.retracted_excluded, 1);
    assert.equal(matrix.rows.length, 3);
    const rumour = matrix.rows.find((r) => r.title === 'Earlier rumour of a ceasefire');
    assert.deepEqual(rumour?.ratings, { [insurgency]: 'II' });
    assert.equal(rumour?.diagnosticity, 0);
    // II on a medium-credibility (6), medium-relevance row: 2 · 1 · 1.
    assert.deepEqual(
      matrix.hypotheses.map((h) => [h.inconsistency, h.weighted_inconsistency, h.rank]),
      [
        [2, 2, 2],
        [0, 0, 1],
      ],
    );
    assert.deepEqual(matrix.top, [libya]);
    assert.equal(rumour?.sensitivity.changes_top, true);
    close(rumour?.sensitivity.model_without[insurgency], p(odds.insurgency / 0.25 ** 0.25));
    const before = MatrixSchema.parse(
      (await api.get(`/api/questions/${q}/matrix?as_of=${beforeBackdated}`)).body,
    );
    assert.deepEqual(
      before.rows.map((r) => r.title),
      ['Attacks on checkpoints near Kirkuk', 'Governor reports a campaign of ambushes'],
    );
  });
});

describe('an exclusive question', () => {
  let t: TestDatabase;
  let api: ReturnType<typeof testClient>;
  before(async () => {
    t = await openTestDatabase();
    api = testClient(t.db);
  });
  after(async () => t.close());

  it('B3 through the API: priors (0.5, 0.3, 0.2) and ratios (0.1, 0.4, 0.8) give (5/33, 4/11, 16/33)', async () => {
    const created = await api.post('/api/questions', {
      title: 'Where is the leadership based?',
      kind: 'exclusive',
      hypotheses: [
        hypothesis('Iraq', 0.5),
        hypothesis('Libya', 0.3),
        hypothesis('Afghanistan', 0.2),
      ],
    });
    const [a, b, c] = created.body.hypotheses.map((h: { id: string }) => h.id);
    const res = await api.post(`/api/questions/${created.body.id}/evidence`, {
      title: 'Intercepted courier traffic',
      occurred_on: '2018-04-01',
      reliability: 'A',
      credibility: 1,
      ratings: {
        [a]: { rating: 'II', likelihood_ratio: 0.1 },
        [b]: { rating: 'I', likelihood_ratio: 0.4 },
        [c]: { rating: 'I', likelihood_ratio: 0.8 },
      },
    });
    assert.equal(res.status, 201);
    const after = res.body.effects.map((e: { after: number }) => e.after);
    close(after[0], 5 / 33);
    close(after[1], 4 / 11);
    close(after[2], 16 / 33);

    // A hypothesis added later joins the set: the series is recomputed from the new priors.
    const added = await api.post(
      `/api/questions/${created.body.id}/hypotheses`,
      hypothesis('Sahel', 0.1),
    );
    assert.equal(added.status, 201);
    const weights = [0.5 * 0.1, 0.3 * 0.4, 0.2 * 0.8, 0.1];
    const total = weights.reduce((x, y) => x + y, 0);
    const models = (await api.get(`/api/questions/${created.body.id}`)).body.hypotheses.map(
      (h: { current: { model: number } }) => h.current.model,
    );
    for (const [i, w] of weights.entries()) close(models[i], w / total, `hypothesis ${i}`);

    const set = await api.post(`/api/questions/${created.body.id}/assessments`, {
      probabilities: { [a]: 0.2, [b]: 0.3, [c]: 0.4, [added.body.id]: 0.1 },
      rationale: 'The courier traffic points away from Iraq.',
    });
    assert.equal(set.status, 201);
    assert.equal(set.body.judgments.length, 4);
    assert.ok(set.body.judgments.every((j: { set_id: string }) => j.set_id === set.body.set_id));
    const view = await api.get(`/api/questions/${created.body.id}`);
    assert.deepEqual(
      view.body.hypotheses.map((h: { current: { analyst: number } }) => h.current.analyst),
      [0.2, 0.3, 0.4, 0.1],
    );
  });
});
