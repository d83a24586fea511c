import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Validator } from '@seriousme/openapi-schema-validator';
import { SYSTEM_ACTOR } from '../server/actor.js';
import { keyedId } from '../server/ids.js';
import { QuestionListSchema, QuestionViewSchema } from '../server/schemas/views.js';
import { importScenarioFile } from '../server/services/scenario-files.js';
import { testClient } from './support/api.js';
import { openTestDatabase, type TestDatabase } from './support/database.js';
import { DOCUMENTS, SAMPLE_PATH } from './support/fixtures.js';

const SAMPLE_ID = keyedId('q', 'post-caliphate-sample');
const hypothesis = (over: Record<string, unknown> = {}) => ({
  title: 'Libya becomes the new base',
  statement: 'By 31 December 2019 the group’s leadership operates from Libya.',
  horizon: '2030-12-31',
  resolution_criteria: 'Credible reporting that the leadership is based in Libya.',
  prior: 0.3,
  ...over,
});

describe('questions API', () => {
  let t: TestDatabase;
  let api: ReturnType<typeof testClient>;
  /** The signed-in test user's id, who every write is attributed to. */
  let me: string;
  let importedAt: Date;
  before(async () => {
    t = await openTestDatabase();
    await importScenarioFile(t.db, SYSTEM_ACTOR, SAMPLE_PATH, DOCUMENTS);
    importedAt = new Date();
    api = testClient(t.db);
    me = (await api.user()).id;
  });
  after(async () => t.close());

  describe('reading', () => {
    it('lists questions with hypotheses, current probabilities and indicators', async () => {
      const res = await api.get('/api/questions');
      assert.equal(res.status, 200);
      const list = QuestionListSchema.parse(res.body);
      const sample = list.questions.find((q) => q.id === SAMPLE_ID);
      assert.ok(sample);
      assert.deepEqual(
        sample.hypotheses.map((h) => [h.key, h.prior, h.current.model, h.current.analyst]),
        [
          ['insurgency-iraq-syria', 0.5, 0.5, null],
          ['iran-preferred-target', 0.3, 0.3, null],
        ],
      );
      assert.equal(sample.hypotheses[1]?.current.model_words, 'unlikely');
      assert.equal(sample.indicators.length, 2);
      assert.deepEqual(sample.counts, {
        hypotheses: 2,
        open_hypotheses: 2,
        indicators: 2,
        evidence: 0,
        retracted_evidence: 0,
      });
    });

    it('filters the list by tag', async () => {
      const tagged = await api.get('/api/questions?tag=sample');
      assert.deepEqual(
        tagged.body.questions.map((q: { id: string }) => q.id),
        [SAMPLE_ID],
      );
      const other = await api.get('/api/questions?tag=nothing-has-this');
      assert.deepEqual(other.body.questions, []);
    });

    it('returns one question in the documented shape, citations included', async () => {
      const res = await api.get(`/api/questions/${SAMPLE_ID}`);
      assert.equal(res.status, 200);
      const q = QuestionViewSchema.parse(res.body);
      assert.equal(q.method, 'signpost-v1');
      const citation = q.hypotheses[1]?.citations[0];
      assert.equal(citation?.source.author, 'Ely Karmon');
      assert.match(citation?.quote ?? '', /could indeed become a preferred target/);
    });

    it('answers as of a recorded time: before the import the question did not exist', async () => {
      const past = await api.get(`/api/questions/${SAMPLE_ID}?as_of=2020-01-01`);
      assert.equal(past.status, 404);
      const list = await api.get('/api/questions?as_of=2020-01-01T00:00:00Z');
      assert.deepEqual(list.body.questions, []);
      assert.equal(list.body.as_of, '2020-01-01T00:00:00.000Z');
      const now = await api.get(`/api/questions/${SAMPLE_ID}?as_of=${importedAt.toISOString()}`);
      assert.equal(now.status, 200);
      assert.equal(now.body.hypotheses.length, 2);
    });
  });

  describe('defining', () => {
    it('creates an independent question and records who did it', async () => {
      const res = await api.post('/api/questions', {
        title: '  Where will the caliphate’s fighters go?  ',
        kind: 'independent',
        tags: ['ISIS', 'isis', 'Libya'],
      });
      assert.equal(res.status, 201);
      const q = QuestionViewSchema.parse(res.body);
      assert.equal(q.title, 'Where will the caliphate’s fighters go?');
      assert.deepEqual(q.tags, ['isis', 'libya']);
      assert.equal(q.recorded_by, me);
      assert.match(q.id, /^q_[a-z2-7]{16}$/);
      const audit = await t.db
        .selectFrom('audit_log')
        .selectAll()
        .where('entity_id', '=', q.id)
        .execute();
      assert.equal(audit.length, 1);
      assert.equal(audit[0]?.action, 'question.create');
      assert.equal(audit[0]?.actor_id, me);
      assert.ok(audit[0]?.request_id);
    });

    it('normalises an exclusive question’s priors over the set', async () => {
      const res = await api.post('/api/questions', {
        title: 'Main base at the end of 2019',
        kind: 'exclusive',
        hypotheses: [
          hypothesis({ title: 'Iraq/Syria', prior: 0.5 }),
          hypothesis({ title: 'Libya', prior: 0.3 }),
          hypothesis({ title: 'Afghanistan/Pakistan', prior: 0.3 }),
        ],
      });
      assert.equal(res.status, 201);
      const priors = res.body.hypotheses.map((h: { prior: number }) => h.prior.toFixed(4));
      assert.deepEqual(priors, ['0.4545', '0.2727', '0.2727']);
      assert.deepEqual(
        res.body.hypotheses.map((h: { stated_prior: number }) => h.stated_prior),
        [0.5, 0.3, 0.3],
      );

      const added = await api.post(
        `/api/questions/${res.body.id}/hypotheses`,
        hypothesis({ title: 'Sahel', prior: 0.1, rationale: 'Far from the core; our judgment.' }),
      );
      assert.equal(added.status, 201);
      assert.equal(added.body.rationale, 'Far from the core; our judgment.');
      assert.equal(res.body.hypotheses[0].rationale, null);
      assert.equal(added.body.prior.toFixed(4), (0.1 / 1.2).toFixed(4));
      const again = await api.get(`/api/questions/${res.body.id}`);
      const sum = again.body.hypotheses.reduce((s: number, h: { prior: number }) => s + h.prior, 0);
      assert.ok(Math.abs(sum - 1) < 1e-12);
    });

    it('refuses a hypothesis an exclusive set cannot normalise, naming the prior', async () => {
      const q = await api.post('/api/questions', {
        title: 'Exclusive',
        kind: 'exclusive',
        hypotheses: [hypothesis({ prior: 0.9 }), hypothesis({ prior: 0.9 })],
      });
      const res = await api.post(
        `/api/questions/${q.body.id}/hypotheses`,
        hypothesis({ prior: 0.0005 }),
      );
      assert.equal(res.status, 400);
      assert.equal(res.contentType, 'application/problem+json');
      assert.equal(res.body.errors[0].path, 'body.prior');
      assert.match(res.body.errors[0].message, /below the floor/);
      const after = await api.get(`/api/questions/${q.body.id}`);
      assert.equal(after.body.hypotheses.length, 2);
    });

    it('adds an indicator rated against every hypothesis, with its diagnosticity', async () => {
      const q = await api.post('/api/questions', {
        title: 'Indicators',
        kind: 'independent',
        hypotheses: [hypothesis(), hypothesis(), hypothesis()],
      });
      const [a, b, c] = q.body.hypotheses.map((h: { id: string }) => h.id);
      const res = await api.post(`/api/questions/${q.body.id}/indicators`, {
        title: 'Senior leaders seen in Libya',
        description: 'Reports place senior leaders in Libya.',
        expected_by: '2030-06-30',
        expectations: { [a]: 'HL', [b]: 'U', [c]: 'HU' },
      });
      assert.equal(res.status, 201);
      assert.deepEqual(res.body.diagnosticity, { spread: 4, class: 'keep' });
      assert.deepEqual(res.body.expectations, { [a]: 'HL', [b]: 'U', [c]: 'HU' });
      assert.equal(res.body.status, 'NOT_OBSERVED');
      assert.equal(res.body.expected_by, '2030-06-30');
    });

    it('refuses an indicator that misses a hypothesis or names a stranger', async () => {
      const q = await api.post('/api/questions', {
        title: 'Coverage',
        kind: 'independent',
        hypotheses: [hypothesis(), hypothesis()],
      });
      const [a, b] = q.body.hypotheses.map((h: { id: string }) => h.id);
      const stranger = keyedId('h', 'someone-else');
      const res = await api.post(`/api/questions/${q.body.id}/indicators`, {
        title: 'Half rated',
        expectations: { [a]: 'HL', [stranger]: 'L' },
      });
      assert.equal(res.status, 400);
      assert.deepEqual(
        res.body.errors.map((e: { path: string }) => e.path).sort(),
        [`body.expectations.${b}`, `body.expectations.${stranger}`].sort(),
      );
    });
  });

  describe('bad input', () => {
    it('names every bad field of a body', async () => {
      const res = await api.post('/api/questions', { title: ' ', kind: 'maybe', tags: [3] });
      assert.equal(res.status, 400);
      assert.equal(res.contentType, 'application/problem+json');
      assert.equal(res.body.code, 'invalid_request');
      assert.deepEqual(
        res.body.errors.map((e: { path: string }) => e.path),
        ['body.title', 'body.kind', 'body.tags.0'],
      );
    });

    it('refuses malformed JSON, ids and query parameters with 400', async () => {
      const json = await api.post('/api/questions', '{"title":');
      assert.equal(json.status, 400);
      assert.equal(json.body.errors[0].path, 'body');
      const id = await api.get('/api/questions/not-an-id');
      assert.equal(id.status, 400);
      assert.equal(id.body.errors[0].path, 'path.id');
      const asOf = await api.get('/api/questions?as_of=last-tuesday');
      assert.equal(asOf.status, 400);
      assert.equal(asOf.body.errors[0].path, 'query.as_of');
    });

    it('answers unknown ids and routes with 404 problem+json', async () => {
      const question = await api.get(`/api/questions/${keyedId('q', 'missing')}`);
      assert.equal(question.status, 404);
      assert.equal(question.contentType, 'application/problem+json');
      const add = await api.post(
        `/api/questions/${keyedId('q', 'missing')}/hypotheses`,
        hypothesis(),
      );
      assert.equal(add.status, 404);
      const route = await api.get('/api/nothing-here');
      assert.equal(route.status, 404);
      assert.equal(route.body.code, 'not_found');
    });

    it('refuses a horizon before the hypothesis opens', async () => {
      const q = await api.post('/api/questions', { title: 'Horizon', kind: 'independent' });
      const past = await api.post(
        `/api/questions/${q.body.id}/hypotheses`,
        hypothesis({ horizon: '2019-12-31' }),
      );
      assert.equal(past.status, 400);
      assert.equal(past.body.errors[0].path, 'body.horizon');
      const backdated = await api.post(
        `/api/questions/${q.body.id}/hypotheses`,
        hypothesis({ horizon: '2019-12-31', opened_at: '2017-11-09' }),
      );
      assert.equal(backdated.status, 201);
      assert.equal(backdated.body.opened_at, '2017-11-09T00:00:00.000Z');
    });

    it('refuses an oversized body with 413', async () => {
      const res = await api.post('/api/questions', {
        title: 'x',
        kind: 'independent',
        description: 'x'.repeat(1_100_000),
      });
      assert.equal(res.status, 413);
      assert.equal(res.body.code, 'payload_too_large');
    });
  });

  describe('Idempotency-Key', () => {
    it('replays the first response to a retry and writes nothing new', async () => {
      const body = { title: 'Retried', kind: 'independent' };
      const first = await api.post('/api/questions', body, { 'Idempotency-Key': 'retry-1' });
      const second = await api.post('/api/questions', body, { 'Idempotency-Key': 'retry-1' });
      assert.equal(first.status, 201);
      assert.equal(second.status, 201);
      assert.equal(second.body.id, first.body.id);
      assert.equal(second.headers.get('idempotent-replayed'), 'true');
      const rows = await t.db
        .selectFrom('questions')
        .select('id')
        .where('title', '=', 'Retried')
        .execute();
      assert.equal(rows.length, 1);
    });

    it('refuses the same key for a different request', async () => {
      await api.post(
        '/api/questions',
        { title: 'One', kind: 'independent' },
        { 'Idempotency-Key': 'k-2' },
      );
      const res = await api.post(
        '/api/questions',
        { title: 'Two', kind: 'independent' },
        { 'Idempotency-Key': 'k-2' },
      );
      assert.equal(res.status, 422);
      assert.equal(res.body.errors[0].path, 'header.Idempotency-Key');
    });

    it('frees the key of a failed request for a corrected retry', async () => {
      const bad = await api.post(
        '/api/questions',
        { title: '', kind: 'independent' },
        { 'Idempotency-Key': 'k-3' },
      );
      assert.equal(bad.status, 400);
      const good = await api.post(
        '/api/questions',
        { title: 'Fixed', kind: 'independent' },
        { 'Idempotency-Key': 'k-3' },
      );
      assert.equal(good.status, 201);
    });
  });

  describe('documentation', () => {
    it('serves a valid OpenAPI 3.1 document generated from the route schemas', async () => {
      const res = await api.get('/openapi.json');
      assert.equal(res.status, 200);
      assert.equal(res.body.openapi, '3.1.0');
      const validation = await new Validator().validate(res.body);
      assert.deepEqual(validation.errors ?? [], []);
      assert.equal(validation.valid, true);
      const paths = Object.keys(res.body.paths).sort();
      assert.deepEqual(paths, [
        '/api/audit',
        '/api/charts/calibration',
        '/api/charts/scores',
        '/api/evidence/{id}',
        '/api/evidence/{id}/retract',
        '/api/export',
        '/api/export/assessments.csv',
        '/api/export/evidence.csv',
        '/api/hypotheses/{id}',
        '/api/hypotheses/{id}/assessments',
        '/api/hypotheses/{id}/resolution',
        '/api/hypotheses/{id}/resolutions',
        '/api/hypotheses/{id}/timeline',
        '/api/import',
        '/api/indicators/{id}/history',
        '/api/indicators/{id}/status',
        '/api/me',
        '/api/me/password',
        '/api/questions',
        '/api/questions/{id}',
        '/api/questions/{id}/assessments',
        '/api/questions/{id}/charts/probabilities',
        '/api/questions/{id}/charts/timeline',
        '/api/questions/{id}/evidence',
        '/api/questions/{id}/hypotheses',
        '/api/questions/{id}/indicators',
        '/api/questions/{id}/matrix',
        '/api/scores',
        '/api/scores/forecasts',
        '/api/tokens',
        '/api/tokens/{id}/revoke',
        '/api/users',
        '/api/users/{id}',
        '/api/users/{id}/password-reset',
      ]);
      assert.ok(res.body.paths['/api/import'].post.requestBody.content['text/csv']);
      const post = res.body.paths['/api/questions'].post;
      assert.ok(post.requestBody.content['application/json'].schema);
      assert.ok(post.responses['400'].content['application/problem+json']);
      // Every route says who may call it and how to authenticate.
      assert.ok(post.responses['401'] && post.responses['403']);
      assert.equal(post['x-permission'], 'question.write');
      assert.match(post.description, /roles: admin/);
      assert.deepEqual(Object.keys(res.body.components.securitySchemes).sort(), [
        'bearer',
        'session',
      ]);
      assert.ok(res.body.components.schemas.Question);
      assert.ok(res.body.components.schemas.Problem);
    });

    it('renders /docs from assets the app serves itself', async () => {
      const page = await api.app.request('/docs');
      const html = await page.text();
      assert.equal(page.status, 200);
      // Everything fetched is the app's own (the icon is an empty data: URL, fetching nothing).
      const assets = [...html.matchAll(/(?:src|href)="([^"]+)"/g)]
        .map((m) => m[1] as string)
        .filter((url) => url !== 'data:,');
      assert.ok(assets.length >= 3);
      for (const asset of assets) {
        assert.ok(asset.startsWith('/docs/assets/'), `${asset} is served locally`);
        const res = await api.app.request(asset);
        assert.equal(res.status, 200, asset);
        assert.ok((await res.arrayBuffer()).byteLength > 0);
      }
    });
  });
});
