import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { currentAnalystJudgments } from '../server/repositories/assessments.js';
import { countEvidence } from '../server/repositories/evidence.js';
import { currentStatuses } from '../server/repositories/indicators.js';
import { currentResolutions } from '../server/repositories/resolutions.js';
import { testClient } from './support/api.js';
import { openTestDatabase, type TestDatabase } from './support/database.js';

/**
 * The "current" queries under the two clocks: rows are inserted with explicit recorded times
 * (backdated fixtures), and each query is asked what it knew at several `as_of` instants.
 */
const Q = 'q_aaaaaaaaaaaaaaaa';
const H = 'h_aaaaaaaaaaaaaaaa';
const X = 'i_aaaaaaaaaaaaaaaa';
const at = (s: string) => new Date(`${s}T12:00:00Z`);

describe('current-state queries under as_of', () => {
  let t: TestDatabase;
  before(async () => {
    t = await openTestDatabase();
    const db = t.db;
    const by = 'u_local';
    await db
      .insertInto('questions')
      .values({
        id: Q,
        title: 'Q',
        kind: 'independent',
        recorded_at: at('2017-01-01'),
        recorded_by: by,
      })
      .execute();
    await db
      .insertInto('hypotheses')
      .values({
        id: H,
        question_id: Q,
        position: 0,
        title: 'H',
        statement: 'S',
        horizon: '2019-12-31',
        resolution_criteria: 'C',
        prior: 0.3,
        opened_at: at('2017-01-01'),
        recorded_at: at('2017-01-01'),
        recorded_by: by,
      })
      .execute();
    await db
      .insertInto('indicators')
      .values({
        id: X,
        question_id: Q,
        position: 0,
        title: 'X',
        recorded_at: at('2017-01-01'),
        recorded_by: by,
      })
      .execute();
    const judgment = (id: string, p: number, valid: string, recorded: string) => ({
      id,
      hypothesis_id: H,
      forecaster_kind: 'analyst' as const,
      analyst_id: by,
      probability: p,
      valid_at: at(valid),
      recorded_at: at(recorded),
      recorded_by: by,
    });
    await db
      .insertInto('assessments')
      .values([
        judgment('as_a', 0.2, '2018-01-01', '2018-01-02'),
        judgment('as_b', 0.4, '2018-03-01', '2018-03-02'),
        // Recorded in June but speaking for February: it never becomes the latest by valid time.
        judgment('as_c', 0.3, '2018-02-01', '2018-06-01'),
        judgment('as_d', 0.6, '2018-04-01', '2018-04-02'),
      ])
      .execute();
    await db
      .insertInto('assessment_retractions')
      .values({
        assessment_id: 'as_d',
        reason: 'wrong hypothesis',
        recorded_at: at('2018-05-01'),
        recorded_by: by,
      })
      .execute();
    const evidence = (id: string, recorded: string) => ({
      id,
      question_id: Q,
      title: id,
      occurred_on: recorded,
      reliability: 'B' as const,
      credibility: 2,
      relevance: 'medium' as const,
      recorded_at: at(recorded),
      recorded_by: by,
    });
    await db
      .insertInto('evidence')
      .values([evidence('ev_1', '2018-02-02'), evidence('ev_2', '2018-03-02')])
      .execute();
    await db
      .insertInto('evidence_retractions')
      .values({
        evidence_id: 'ev_2',
        reason: 'fabricated',
        recorded_at: at('2018-04-01'),
        recorded_by: by,
      })
      .execute();
    await db
      .insertInto('indicator_observations')
      .values([
        {
          id: 'obs_1',
          indicator_id: X,
          evidence_id: 'ev_1',
          status: 'EMERGING',
          observed_at: at('2018-02-01'),
          recorded_at: at('2018-02-02'),
          recorded_by: by,
        },
        {
          id: 'obs_2',
          indicator_id: X,
          evidence_id: 'ev_2',
          status: 'OBSERVED',
          observed_at: at('2018-03-01'),
          recorded_at: at('2018-03-02'),
          recorded_by: by,
        },
      ])
      .execute();
    await db
      .insertInto('resolutions')
      .values([
        {
          id: 'res_1',
          hypothesis_id: H,
          outcome: 'false',
          resolved_at: at('2019-01-01'),
          recorded_at: at('2019-01-05'),
          recorded_by: by,
        },
        {
          id: 'res_2',
          hypothesis_id: H,
          outcome: 'true',
          resolved_at: at('2019-01-01'),
          supersedes_id: 'res_1',
          reason: 'the January attack was later attributed to the group',
          recorded_at: at('2019-02-01'),
          recorded_by: by,
        },
      ])
      .execute();
  });
  after(async () => t.close());

  it('analyst judgment: the latest by valid time among those known and not retracted', async () => {
    const judged = async (asOf?: Date) =>
      (await currentAnalystJudgments(t.db, [H], asOf)).map((j) => j.probability);
    assert.deepEqual(await judged(at('2017-06-01')), []);
    assert.deepEqual(await judged(at('2018-01-15')), [0.2]);
    assert.deepEqual(await judged(at('2018-03-15')), [0.4]);
    assert.deepEqual(await judged(at('2018-04-15')), [0.6]);
    assert.deepEqual(await judged(at('2018-05-15')), [0.4], 'the retraction is known by then');
    assert.deepEqual(
      await judged(at('2018-06-15')),
      [0.4],
      'a backdated entry does not jump ahead',
    );
    assert.deepEqual(await judged(), [0.4]);
  });

  it('resolution: a superseding resolution stands from when it was recorded', async () => {
    const outcome = async (asOf?: Date) =>
      (await currentResolutions(t.db, [H], asOf)).map((r) => r.outcome);
    assert.deepEqual(await outcome(at('2018-12-31')), []);
    assert.deepEqual(await outcome(at('2019-01-10')), ['false']);
    assert.deepEqual(await outcome(), ['true']);
  });

  it('indicator status: the latest observation whose evidence was not retracted by then', async () => {
    const status = async (asOf?: Date) =>
      (await currentStatuses(t.db, [X], asOf)).map((s) => s.status);
    assert.deepEqual(await status(at('2018-01-15')), []);
    assert.deepEqual(await status(at('2018-03-15')), ['OBSERVED']);
    assert.deepEqual(await status(at('2018-04-15')), ['EMERGING']);
    assert.deepEqual(await status(), ['EMERGING']);
  });

  it('evidence counts: logged and retracted, as known then', async () => {
    const counts = async (asOf?: Date) =>
      (await countEvidence(t.db, [Q], asOf)).map((c) => [c.total, c.retracted]);
    assert.deepEqual(await counts(at('2018-02-15')), [[1, 0]]);
    assert.deepEqual(await counts(at('2018-03-15')), [[2, 0]]);
    assert.deepEqual(await counts(), [[2, 1]]);
  });

  it('the question API shows the same states at the same instants', async () => {
    const api = testClient(t.db);
    const then = await api.get(`/api/questions/${Q}?as_of=2018-04-15`);
    assert.equal(then.status, 200);
    const h = then.body.hypotheses[0];
    assert.equal(h.current.analyst, 0.6);
    assert.equal(h.current.analyst_words, 'likely');
    assert.equal(h.current.analyst_judgment.valid_at, '2018-04-01T12:00:00.000Z');
    assert.equal(h.status, 'open');
    assert.equal(then.body.indicators[0].status, 'EMERGING');
    assert.equal(then.body.indicators[0].status_changed_at, '2018-02-01T12:00:00.000Z');
    assert.deepEqual(then.body.counts, {
      hypotheses: 1,
      open_hypotheses: 1,
      indicators: 1,
      evidence: 2,
      retracted_evidence: 1,
    });
    const now = await api.get(`/api/questions/${Q}`);
    assert.equal(now.body.hypotheses[0].current.analyst, 0.4);
    assert.equal(now.body.hypotheses[0].status, 'resolved');
    assert.deepEqual(now.body.hypotheses[0].resolution, {
      outcome: 'true',
      resolved_at: '2019-01-01T12:00:00.000Z',
    });
    assert.equal(now.body.counts.open_hypotheses, 0);
  });
});
