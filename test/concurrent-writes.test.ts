import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { SYSTEM_ACTOR } from '../server/actor.js';
import { keyedId } from '../server/ids.js';
import { importScenarioFile } from '../server/services/scenario-files.js';
import { testClient } from './support/api.js';
import { openTestDatabase, type TestDatabase } from './support/database.js';
import { DOCUMENTS, SAMPLE_PATH } from './support/fixtures.js';

const SAMPLE = keyedId('q', 'post-caliphate-sample');
const HYPOTHESIS = keyedId('h', 'post-caliphate-sample/insurgency-iraq-syria');
const PATH = `/api/hypotheses/${HYPOTHESIS}`;

const item = (title: string) => ({
  title,
  occurred_on: '2018-03-01',
  reliability: 'B',
  credibility: 2,
  ratings: { [HYPOTHESIS]: 'C' },
});

async function evidenceTitled(t: TestDatabase, title: string) {
  const { rows } = await sql<{ id: string; ratings: number }>`
    select e.id, (select count(*)::int from evidence_ratings r where r.evidence_id = e.id) as ratings
    from evidence e where e.title = ${title}`.execute(t.db);
  return rows;
}

describe('concurrent writes', () => {
  let t: TestDatabase;
  let alice: ReturnType<typeof testClient>;
  let bob: ReturnType<typeof testClient>;

  before(async () => {
    t = await openTestDatabase();
    await importScenarioFile(t.db, SYSTEM_ACTOR, SAMPLE_PATH, DOCUMENTS);
    alice = testClient(t.db);
    bob = testClient(t.db);
  });
  after(async () => t.close());

  describe('conditional edits (If-Match)', () => {
    it('lets exactly one of two editors of the same version win; the other gets 409', async () => {
      const [a, b] = await Promise.all([alice.get(PATH), bob.get(PATH)]);
      const tag = a.headers.get('etag');
      assert.match(tag ?? '', /^"[A-Za-z0-9_-]{22}"$/);
      assert.equal(b.headers.get('etag'), tag);
      const [fromAlice, fromBob] = await Promise.all([
        alice.patch(PATH, { title: "Alice's wording" }, { 'If-Match': tag as string }),
        bob.patch(PATH, { title: "Bob's wording" }, { 'If-Match': tag as string }),
      ]);
      const statuses = [fromAlice.status, fromBob.status].sort();
      assert.deepEqual(statuses, [200, 409]);
      const [winner, loser] =
        fromAlice.status === 200 ? [fromAlice, fromBob] : [fromBob, fromAlice];
      assert.equal(loser.contentType, 'application/problem+json');
      assert.equal(loser.body.code, 'conflict');
      assert.equal(loser.body.errors[0].path, 'header.If-Match');
      assert.ok(loser.body.detail.includes(winner.headers.get('etag') as string));
      assert.notEqual(winner.headers.get('etag'), tag);

      const now = await alice.get(PATH);
      assert.equal(now.body.title, winner.body.title);
      assert.equal(now.headers.get('etag'), winner.headers.get('etag'));
      const { rows } = await sql<{ before: unknown; after: unknown }>`
        select before, after from audit_log
        where action = 'hypothesis.update' and entity_id = ${HYPOTHESIS}`.execute(t.db);
      assert.equal(rows.length, 1);
      assert.deepEqual(rows[0]?.after, { title: winner.body.title });
    });

    it('accepts the loser once it has read the current version', async () => {
      const current = await bob.get(PATH);
      const res = await bob.patch(
        PATH,
        { statement: 'ISIS fights on as an insurgency in Iraq and Syria.', horizon: '2031-12-31' },
        { 'If-Match': current.headers.get('etag') as string },
      );
      assert.equal(res.status, 200);
      assert.equal(res.body.horizon, '2031-12-31');
      assert.equal(res.body.statement, 'ISIS fights on as an insurgency in Iraq and Syria.');
    });

    it('needs If-Match (428), and never matches a weak or stale tag', async () => {
      const missing = await alice.patch(PATH, { title: 'No precondition' });
      assert.equal(missing.status, 428);
      assert.equal(missing.body.errors[0].path, 'header.If-Match');
      const tag = (await alice.get(PATH)).headers.get('etag') as string;
      const weak = await alice.patch(PATH, { title: 'Weak' }, { 'If-Match': `W/${tag}` });
      assert.equal(weak.status, 409);
      const listed = await alice.patch(
        PATH,
        { rationale: null },
        { 'If-Match': `"stale", ${tag}` },
      );
      assert.equal(listed.status, 200);
      assert.equal(listed.body.rationale, null);
      const any = await alice.patch(PATH, { title: 'Any version' }, { 'If-Match': '*' });
      assert.equal(any.status, 200);
      assert.equal(any.body.title, 'Any version');
    });

    it('refuses a horizon before the opening and fields that cannot change, writing nothing', async () => {
      const before = await alice.get(PATH);
      const tag = before.headers.get('etag') as string;
      const early = await alice.patch(PATH, { horizon: '2001-01-01' }, { 'If-Match': tag });
      assert.equal(early.status, 400);
      assert.equal(early.body.errors[0].path, 'body.horizon');
      const prior = await alice.patch(PATH, { prior: 0.9 }, { 'If-Match': tag });
      assert.equal(prior.status, 400);
      const empty = await alice.patch(PATH, {}, { 'If-Match': tag });
      assert.equal(empty.status, 400);
      const after = await alice.get(PATH);
      assert.equal(after.headers.get('etag'), tag);
      assert.equal(after.body.horizon, before.body.horizon);
    });

    it('lets an analyst read the tag but not edit', async () => {
      const analyst = testClient(t.db, 'analyst');
      const read = await analyst.get(PATH);
      assert.equal(read.status, 200);
      const res = await analyst.patch(PATH, { title: 'x' }, { 'If-Match': '*' });
      assert.equal(res.status, 403);
    });
  });

  describe('a storm of retries with one Idempotency-Key', () => {
    it('writes one record and answers every retry with it', async () => {
      const headers = { 'Idempotency-Key': 'storm-1' };
      const responses = await Promise.all(
        Array.from({ length: 40 }, () =>
          alice.post(`/api/questions/${SAMPLE}/evidence`, item('Storm'), headers),
        ),
      );
      assert.deepEqual([...new Set(responses.map((r) => r.status))], [201]);
      const ids = new Set(responses.map((r) => r.body.id));
      assert.equal(ids.size, 1);
      assert.equal(responses.filter((r) => r.headers.get('idempotent-replayed')).length, 39);
      const rows = await evidenceTitled(t, 'Storm');
      assert.deepEqual(
        rows.map((r) => [r.id, r.ratings]),
        [[[...ids][0], 1]],
      );
    });

    it('keeps many keys apart, each written once', async () => {
      const keys = Array.from({ length: 8 }, (_, i) => `storm-many-${i}`);
      const responses = await Promise.all(
        keys.flatMap((key) =>
          Array.from({ length: 5 }, () =>
            bob.post(`/api/questions/${SAMPLE}/evidence`, item(`Storm ${key}`), {
              'Idempotency-Key': key,
            }),
          ),
        ),
      );
      assert.ok(responses.every((r) => r.status === 201));
      for (const key of keys) assert.equal((await evidenceTitled(t, `Storm ${key}`)).length, 1);
    });

    it('takes over a key whose first request died without finishing', async () => {
      const { id: actorId } = await alice.user();
      await sql`insert into idempotency_keys (actor_id, key, request_hash, status, body, recorded_at)
        values (${actorId}, 'abandoned', 'whatever', null, null, now() - interval '2 minutes')`.execute(
        t.db,
      );
      const res = await alice.post(`/api/questions/${SAMPLE}/evidence`, item('Taken over'), {
        'Idempotency-Key': 'abandoned',
      });
      assert.equal(res.status, 201);
      assert.equal((await evidenceTitled(t, 'Taken over')).length, 1);
    });
  });
});
