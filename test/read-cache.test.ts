import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { setTimeout } from 'node:timers/promises';
import { SYSTEM_ACTOR } from '../server/actor.js';
import { keyedId } from '../server/ids.js';
import { EvidenceInputSchema } from '../server/schemas/evidence.js';
import { createApiToken, revokeToken } from '../server/services/api-tokens.js';
import { logEvidence } from '../server/services/evidence.js';
import { importScenarioFile } from '../server/services/scenario-files.js';
import { testClient } from './support/api.js';
import { openTestDatabase, type TestDatabase } from './support/database.js';
import { DOCUMENTS, SAMPLE_PATH } from './support/fixtures.js';

const SAMPLE = keyedId('q', 'post-caliphate-sample');
const QUESTION = `/api/questions/${SAMPLE}`;
const LOG = `${QUESTION}/evidence`;
const item = (title: string) =>
  EvidenceInputSchema.parse({
    title,
    occurred_on: '2018-03-01',
    reliability: 'B',
    credibility: 2,
    ratings: {},
  });

/** Titles in the question's evidence log, newest first. */
const titles = (body: { items: { title: string }[] }) => body.items.map((i) => i.title);

describe('the read cache', () => {
  let t: TestDatabase;
  before(async () => {
    t = await openTestDatabase();
    await importScenarioFile(t.db, SYSTEM_ACTOR, SAMPLE_PATH, DOCUMENTS);
  });
  after(async () => t.close());

  it('answers a repeated read from memory until a write request comes through', async () => {
    const api = testClient(t.db, 'admin', { readCacheMs: 60_000 });
    const first = await api.get(LOG);
    await logEvidence(t.db, SYSTEM_ACTOR, SAMPLE, item('Written behind its back'));
    const again = await api.get(LOG);
    assert.deepEqual(titles(again.body), titles(first.body), 'served from the cache');
    assert.equal(again.headers.get('content-type'), first.headers.get('content-type'));

    const written = await api.post(LOG, { ...item('Through the API'), occurred_on: '2018-03-02' });
    assert.equal(written.status, 201);
    const fresh = await api.get(LOG);
    assert.deepEqual(titles(fresh.body).slice(0, 2), [
      'Through the API',
      'Written behind its back',
    ]);
  });

  it('is invalidated by any write request, a page form or a refused one too', async () => {
    const api = testClient(t.db, 'admin', { readCacheMs: 60_000 });
    await api.get(LOG);
    await logEvidence(t.db, SYSTEM_ACTOR, SAMPLE, item('Before a refused form'));
    const refused = await api.app.request(`/questions/${SAMPLE}/evidence`, {
      method: 'POST',
      body: new URLSearchParams(),
    });
    assert.ok(refused.status >= 400);
    assert.equal(titles((await api.get(LOG)).body)[0], 'Before a refused form');
  });

  it('forgets after its time, so other processes’ writes show', async () => {
    const api = testClient(t.db, 'admin', { readCacheMs: 50 });
    await api.get(LOG);
    await logEvidence(t.db, SYSTEM_ACTOR, SAMPLE, item('From elsewhere'));
    await setTimeout(80);
    assert.equal(titles((await api.get(LOG)).body)[0], 'From elsewhere');
  });

  it('keeps each caller, credential and as_of apart', async () => {
    const admin = testClient(t.db, 'admin', { readCacheMs: 60_000 });
    const viewer = testClient(t.db, 'viewer', { readCacheMs: 60_000 });
    const me = await admin.get('/api/me');
    assert.equal((await viewer.get('/api/me')).body.role, 'viewer');
    assert.equal((await admin.get('/api/me')).body.id, me.body.id);
    const past = await admin.get(`${QUESTION}?as_of=2000-01-01`);
    assert.equal(past.status, 404);
    assert.equal((await admin.get(QUESTION)).status, 200);
  });

  it('drops a remembered token the moment it is revoked', async () => {
    const api = testClient(t.db, 'admin', { readCacheMs: 60_000 });
    const user = await api.user();
    const { token, id } = await createApiToken(t.db, user.actor, { name: 'short-lived' });
    const bearer = { authorization: `Bearer ${token}` };
    assert.equal((await api.get('/api/me', bearer)).status, 200);
    await revokeToken(t.db, user.actor, id);
    const after = await api.get('/api/me', bearer);
    assert.equal(after.status, 401);
  });
});
