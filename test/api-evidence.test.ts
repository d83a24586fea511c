import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { SYSTEM_ACTOR } from '../server/actor.js';
import { keyedId } from '../server/ids.js';
import { importScenarioFile } from '../server/services/scenario-files.js';
import { testClient } from './support/api.js';
import { openTestDatabase, type TestDatabase } from './support/database.js';
import { DOCUMENTS, rowCounts, SAMPLE_PATH } from './support/fixtures.js';

const SAMPLE = keyedId('q', 'post-caliphate-sample');
const INSURGENCY = keyedId('h', 'post-caliphate-sample/insurgency-iraq-syria');
const IRAN = keyedId('h', 'post-caliphate-sample/iran-preferred-target');

const item = (over: Record<string, unknown> = {}) => ({
  title: 'Bombing in Zahedan claimed by ISIS',
  occurred_on: '2018-05-02',
  source: { title: 'Agency report' },
  reliability: 'B',
  credibility: 2,
  ratings: { [IRAN]: 'CC', [INSURGENCY]: 'N' },
  ...over,
});

describe('evidence, judgments and their bad input', () => {
  let t: TestDatabase;
  let api: ReturnType<typeof testClient>;
  /** The signed-in test user's id, who every write is attributed to. */
  let me: string;
  let other: { id: string; hypotheses: { id: string }[] };
  before(async () => {
    t = await openTestDatabase();
    await importScenarioFile(t.db, SYSTEM_ACTOR, SAMPLE_PATH, DOCUMENTS);
    api = testClient(t.db);
    me = (await api.user()).id;
    const res = await api.post('/api/questions', {
      title: 'Another question',
      kind: 'exclusive',
      hypotheses: [0.5, 0.5].map((prior, i) => ({
        title: `Option ${i}`,
        statement: `Option ${i} holds by 2019.`,
        horizon: '2019-12-31',
        resolution_criteria: 'Reporting.',
        prior,
        opened_at: '2017-01-01',
      })),
    });
    assert.equal(res.status, 201, JSON.stringify(res.body));
    other = res.body;
  });
  after(async () => t.close());

  /** Sends a request that must fail with `status`, naming `path`, and writing nothing. */
  async function refused(
    send: () => Promise<{ status: number; contentType: string | null; body: any }>,
    status: number,
    path: string,
    message?: RegExp,
  ) {
    const before = await rowCounts(t.db);
    const res = await send();
    assert.equal(res.status, status, JSON.stringify(res.body));
    assert.equal(res.contentType, 'application/problem+json');
    const problem = res.body.errors.find((e: { path: string }) => e.path === path);
    assert.ok(problem, `no problem at ${path}: ${JSON.stringify(res.body.errors)}`);
    if (message) assert.match(problem.message, message);
    assert.deepEqual(await rowCounts(t.db), before, 'nothing was written');
  }
  const log = (body: unknown) => () => api.post(`/api/questions/${SAMPLE}/evidence`, body);
  const judge =
    (body: unknown, id = IRAN) =>
    () =>
      api.post(`/api/hypotheses/${id}/assessments`, body);

  it('logs evidence with its source, attributed and audited, and finds it again in the log', async () => {
    const res = await api.post(`/api/questions/${SAMPLE}/evidence`, item({ relevance: 'high' }));
    assert.equal(res.status, 201);
    assert.equal(res.body.recorded_by, me);
    assert.deepEqual(res.body.grade_labels, {
      reliability: 'Usually reliable',
      credibility: 'Probably true',
    });
    assert.equal(res.body.source.title, 'Agency report');
    const audit = await t.db
      .selectFrom('audit_log')
      .selectAll()
      .where('entity_id', '=', res.body.id)
      .execute();
    assert.deepEqual(
      audit.map((a) => [a.action, a.actor_id]),
      [['evidence.create', me]],
    );
    const fetched = await api.get(`/api/evidence/${res.body.id}`);
    assert.equal(fetched.body.title, 'Bombing in Zahedan claimed by ISIS');
  });

  it("shows the cited author's forecast as the source series of the timeline", async () => {
    const res = await api.get(`/api/hypotheses/${IRAN}/timeline`);
    const source = res.body.points.filter((p: { series: string }) => p.series === 'source');
    assert.deepEqual(
      source.map(
        (p: {
          probability: number;
          forecaster: string;
          valid_at: string;
          cause: { type: string };
        }) => [p.probability, p.forecaster, p.valid_at, p.cause.type],
      ),
      [[0.4, 'Ely Karmon', '2016-12-19T00:00:00.000Z', 'citation']],
    );
  });

  it('runs a write once per Idempotency-Key', async () => {
    const headers = { 'Idempotency-Key': 'evidence-retry-1' };
    const first = await api.post(
      `/api/questions/${SAMPLE}/evidence`,
      item({ title: 'Once' }),
      headers,
    );
    const counts = await rowCounts(t.db);
    const retry = await api.post(
      `/api/questions/${SAMPLE}/evidence`,
      item({ title: 'Once' }),
      headers,
    );
    assert.equal(retry.status, 201);
    assert.equal(retry.headers.get('idempotent-replayed'), 'true');
    assert.equal(retry.body.id, first.body.id);
    assert.deepEqual(await rowCounts(t.db), counts);
  });

  it('pages the log by cursor, newest first, and filters it', async () => {
    for (const [i, grade] of (['A', 'C', 'E'] as const).entries()) {
      await api.post(
        `/api/questions/${SAMPLE}/evidence`,
        item({
          title: `Paged ${i} 100%_match`,
          reliability: grade,
          occurred_on: `2018-0${i + 6}-01`,
          ratings: { [INSURGENCY]: i === 0 ? 'II' : 'C' },
        }),
      );
    }
    const first = await api.get(`/api/questions/${SAMPLE}/evidence?limit=2`);
    assert.deepEqual(
      first.body.items.map((e: { title: string }) => e.title),
      ['Paged 2 100%_match', 'Paged 1 100%_match'],
    );
    const second = await api.get(
      `/api/questions/${SAMPLE}/evidence?limit=2&cursor=${first.body.next_cursor}`,
    );
    assert.equal(second.body.items[0].title, 'Paged 0 100%_match');
    const titles = async (query: string) =>
      (await api.get(`/api/questions/${SAMPLE}/evidence?${query}`)).body.items.map(
        (e: { title: string }) => e.title,
      );
    assert.deepEqual(await titles(`hypothesis=${INSURGENCY}&rating=II`), ['Paged 0 100%_match']);
    assert.deepEqual(await titles('reliability=C,E&from=2018-07-01&to=2018-07-31'), [
      'Paged 1 100%_match',
    ]);
    assert.deepEqual(await titles(`q=${encodeURIComponent('100%_')}&credibility=2&limit=1`), [
      'Paged 2 100%_match',
    ]);
    assert.deepEqual(await titles(`q=${encodeURIComponent('1_0%')}`), []);
    assert.deepEqual(await titles('retracted=only'), []);
  });

  it('refuses a rating for a hypothesis of another question', async () => {
    const stranger = other.hypotheses[0]?.id as string;
    await refused(
      log(item({ ratings: { [stranger]: 'C' } })),
      400,
      `body.ratings.${stranger}`,
      /not a hypothesis of this question/,
    );
  });

  it('refuses an unknown indicator', async () => {
    const unknown = keyedId('i', 'nowhere');
    await refused(
      log(item({ observations: [{ indicator_id: unknown, status: 'OBSERVED' }] })),
      400,
      'body.observations.0.indicator_id',
      /not an indicator of this question/,
    );
  });

  it('refuses grades outside A–F and 1–6, and an unknown rating', async () => {
    await refused(log(item({ reliability: 'G' })), 400, 'body.reliability', /A to F/);
    await refused(log(item({ credibility: 7 })), 400, 'body.credibility', /1 to 6/);
    await refused(log(item({ credibility: 2.5 })), 400, 'body.credibility');
    await refused(log(item({ ratings: { [IRAN]: 'VC' } })), 400, `body.ratings.${IRAN}`);
  });

  it('refuses a likelihood ratio pointing against its rating', async () => {
    await refused(
      log(item({ ratings: { [IRAN]: { rating: 'CC', likelihood_ratio: 0.5 } } })),
      400,
      `body.ratings.${IRAN}.likelihood_ratio`,
      /above 1/,
    );
  });

  it('refuses occurred_on in the future and dates that are not dates', async () => {
    await refused(log(item({ occurred_on: '2999-01-01' })), 400, 'body.occurred_on', /future/);
    await refused(log(item({ occurred_on: '2018-02-30' })), 400, 'body.occurred_on', /date/);
    await refused(log(item({ occurred_on: 'last Tuesday' })), 400, 'body.occurred_on', /date/);
  });

  it('refuses evidence for a question that does not exist', async () => {
    const before = await rowCounts(t.db);
    const res = await api.post(`/api/questions/${keyedId('q', 'none')}/evidence`, item());
    assert.equal(res.status, 404);
    assert.equal(res.contentType, 'application/problem+json');
    assert.deepEqual(await rowCounts(t.db), before);
  });

  it('refuses a retraction of unknown evidence, and one without a reason', async () => {
    const res = await api.post(`/api/evidence/${keyedId('ev', 'none')}/retract`, {
      reason: 'gone',
    });
    assert.equal(res.status, 404);
    const logged = await api.post(
      `/api/questions/${SAMPLE}/evidence`,
      item({ title: 'To retract' }),
    );
    await refused(
      () => api.post(`/api/evidence/${logged.body.id}/retract`, { reason: '  ' }),
      400,
      'body.reason',
    );
  });

  it('refuses probabilities outside (0, 1) or not numbers, and a judgment without a rationale', async () => {
    await refused(
      judge({ probability: 1, rationale: 'sure' }),
      400,
      'body.probability',
      /less than 1/,
    );
    await refused(
      judge({ probability: 0, rationale: 'never' }),
      400,
      'body.probability',
      /greater than 0/,
    );
    await refused(
      judge({ probability: '0.4', rationale: 'text' }),
      400,
      'body.probability',
      /number/,
    );
    await refused(judge({ probability: 0.4 }), 400, 'body.rationale');
    await refused(
      judge({ probability: 0.4, rationale: 'ahead', effective_at: '2999-01-01' }),
      400,
      'body.effective_at',
      /future/,
    );
  });

  it('refuses a set judgment that does not sum to 1, misses a hypothesis, or is on an independent question', async () => {
    const [a, b] = other.hypotheses.map((h) => h.id) as [string, string];
    const set =
      (probabilities: Record<string, number>, id = other.id) =>
      () =>
        api.post(`/api/questions/${id}/assessments`, { probabilities, rationale: 'Set' });
    await refused(set({ [a]: 0.5, [b]: 0.502 }), 400, 'body.probabilities', /sum to 1/);
    await refused(set({ [a]: 0.999 }), 400, `body.probabilities.${b}`, /missing/);
    await refused(set({ [IRAN]: 0.5, [INSURGENCY]: 0.5 }, SAMPLE), 409, 'path.id', /independent/);
    const ok = await set({ [a]: 0.5, [b]: 0.5009 })();
    assert.equal(ok.status, 201, 'within ±0.001 is accepted');
  });

  it('refuses a judgment on a resolved hypothesis', async () => {
    await t.db
      .insertInto('resolutions')
      .values({
        id: 'res_test',
        hypothesis_id: INSURGENCY,
        outcome: 'true',
        resolved_at: new Date('2019-06-01T00:00:00Z'),
        recorded_by: me,
      })
      .execute();
    await refused(
      judge({ probability: 0.7, rationale: 'late' }, INSURGENCY),
      409,
      'path.id',
      /resolved/,
    );
  });

  it('refuses an indicator status that needs evidence, or an expiry with no date to pass', async () => {
    const indicator = keyedId('i', 'post-caliphate-sample/arrests-in-iran');
    const set = (body: unknown) => () => api.post(`/api/indicators/${indicator}/status`, body);
    await refused(
      set({ status: 'OBSERVED', note: 'seen' }),
      400,
      'body.status',
      /with the evidence/,
    );
    await refused(
      set({ status: 'EXPIRED', note: 'late' }),
      409,
      'body.status',
      /no expected-by date/,
    );
    const res = await api.post(`/api/indicators/${keyedId('i', 'none')}/status`, {
      status: 'RECEDING',
      note: 'x',
    });
    assert.equal(res.status, 404);
  });

  it('refuses bad log filters, naming them', async () => {
    const bad = async (query: string, path: string) => {
      const res = await api.get(`/api/questions/${SAMPLE}/evidence?${query}`);
      assert.equal(res.status, 400, query);
      assert.ok(
        res.body.errors.some((e: { path: string }) => e.path === path),
        JSON.stringify(res.body),
      );
    };
    await bad('cursor=not-a-cursor', 'query.cursor');
    await bad(`hypothesis=${other.hypotheses[0]?.id}`, 'query.hypothesis');
    await bad('reliability=A,Z', 'query.reliability');
    await bad('limit=0', 'query.limit');
    await bad('from=2018-05-01&to=2018-04-01', 'query.from');
    await bad('as_of=yesterday', 'query.as_of');
  });

  it('thins the model series of a timeline to max_points, keeping its ends', async () => {
    for (let i = 0; i < 40; i++) {
      const day = new Date(Date.UTC(2019, 0, 1 + i)).toISOString().slice(0, 10);
      await api.post(`/api/questions/${SAMPLE}/evidence`, {
        ...item({ title: `Thinned ${i}` }),
        occurred_on: day,
        ratings: { [INSURGENCY]: i % 2 ? 'CC' : 'II' },
      });
    }
    const model = (body: { points: { series: string; valid_at: string }[] }) =>
      body.points.filter((p) => p.series === 'model');
    const full = model((await api.get(`/api/hypotheses/${INSURGENCY}/timeline`)).body);
    const thin = model((await api.get(`/api/hypotheses/${INSURGENCY}/timeline?max_points=8`)).body);
    assert.ok(full.length > 40);
    assert.ok(thin.length >= 3 && thin.length <= 10, `${thin.length} points`);
    assert.equal(thin[0]?.valid_at, full[0]?.valid_at);
    assert.equal(thin.at(-1)?.valid_at, full.at(-1)?.valid_at);
    const refused = await api.get(`/api/hypotheses/${INSURGENCY}/timeline?max_points=3`);
    assert.equal(refused.status, 400);
    assert.equal(refused.body.errors[0].path, 'query.max_points');
  });
});
