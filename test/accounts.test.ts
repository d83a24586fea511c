import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { SYSTEM_ACTOR } from '../server/actor.js';
import { createApp } from '../server/app.js';
import { DEFAULT_AUTH } from '../server/config.js';
import { keyedId } from '../server/ids.js';
import { provisionBootstrapToken, revokeToken } from '../server/services/api-tokens.js';
import { ensureFirstAdmin } from '../server/services/first-start.js';
import { importScenarioFile } from '../server/services/scenario-files.js';
import { createTestUser, TEST_PASSWORD } from './support/accounts.js';
import { testClient } from './support/api.js';
import { openTestDatabase, type TestDatabase } from './support/database.js';
import { DOCUMENTS, rowCounts, SAMPLE_PATH } from './support/fixtures.js';
import {
  cookieSet,
  csrfOf,
  postForm,
  setCookieLine,
  signInThroughForm,
} from './support/sign-in.js';

const SAMPLE = keyedId('q', 'post-caliphate-sample');
const IRAN = keyedId('h', 'post-caliphate-sample/iran-preferred-target');

describe('accounts: sign-in, sessions, passwords', () => {
  let t: TestDatabase;
  before(async () => {
    t = await openTestDatabase();
    await importScenarioFile(t.db, SYSTEM_ACTOR, SAMPLE_PATH, DOCUMENTS);
  });
  after(async () => t.close());

  it('makes the first admin once, who must change the one-time password at first sign-in', async () => {
    const first = await ensureFirstAdmin(t.db);
    assert.ok(first?.password && first.password.length >= 20);
    assert.equal(await ensureFirstAdmin(t.db), undefined, 'only on a first start');
    const app = createApp({ db: t.db });

    const signedIn = await signInThroughForm(app, 'admin', first.password);
    assert.equal(signedIn.res.status, 303);
    assert.equal(signedIn.res.headers.get('location'), '/account/password');
    const line = setCookieLine(signedIn.res, 'signpost_session');
    for (const flag of ['HttpOnly', 'SameSite=Lax', 'Secure', 'Path=/', 'Max-Age=43200']) {
      assert.ok(line.includes(flag), `${flag} in ${line}`);
    }
    // Until the password is changed, nothing else is reachable.
    const page = await app.request('/', { headers: { cookie: signedIn.cookie } });
    assert.equal(page.status, 303);
    assert.equal(page.headers.get('location'), '/account/password');
    const api = await app.request('/api/me', { headers: { cookie: signedIn.cookie } });
    assert.equal(api.status, 403);
    assert.match(((await api.json()) as { detail: string }).detail, /change your password first/);

    const csrf = await csrfOf(app, signedIn.cookie, '/account/password');
    const change = (fields: Record<string, string>) =>
      postForm(app, '/account/password', signedIn.cookie, { _csrf: csrf, ...fields });
    const short = await change({
      current_password: first.password,
      new_password: 'short',
      confirm_password: 'short',
    });
    assert.equal(short.status, 400);
    assert.match(await short.text(), /must be at least 12 characters/);
    const mismatch = await change({
      current_password: first.password,
      new_password: 'a long new passphrase',
      confirm_password: 'another long passphrase',
    });
    assert.match(await mismatch.text(), /does not match the new password/);
    const wrong = await change({
      current_password: 'not the password',
      new_password: 'a long new passphrase',
      confirm_password: 'a long new passphrase',
    });
    assert.match(await wrong.text(), /is not your current password/);

    const done = await change({
      current_password: first.password,
      new_password: 'a long new passphrase',
      confirm_password: 'a long new passphrase',
    });
    assert.equal(done.status, 303);
    assert.equal(done.headers.get('location'), '/account?notice=password');
    const rotated = cookieSet(done, 'signpost_session');
    assert.ok(rotated && `signpost_session=${rotated}` !== signedIn.cookie, 'a new session');
    const old = await app.request('/', { headers: { cookie: signedIn.cookie } });
    assert.match(old.headers.get('location') ?? '', /^\/sign-in/, 'the old session ended');
    const now = await app.request('/', { headers: { cookie: `signpost_session=${rotated}` } });
    assert.equal(now.status, 200);

    assert.equal((await signInThroughForm(app, 'admin', first.password)).res.status, 401);
    const again = await signInThroughForm(app, 'admin', 'a long new passphrase');
    assert.equal(again.res.headers.get('location'), '/');
  });

  it('takes the first password from the environment, still to be changed', async () => {
    const other = await openTestDatabase();
    try {
      const first = await ensureFirstAdmin(other.db, 'from the environment');
      assert.deepEqual(first, { username: 'admin', password: undefined });
      const app = createApp({ db: other.db });
      const res = (await signInThroughForm(app, 'admin', 'from the environment')).res;
      assert.equal(res.headers.get('location'), '/account/password');
    } finally {
      await other.close();
    }
  });

  it('prevents session fixation: sign-in issues a new session and ends the one presented', async () => {
    const app = createApp({ db: t.db });
    const user = await createTestUser(t.db, 'analyst');
    const planted = 'signpost_session=attacker-chosen-value';
    const fixed = await signInThroughForm(app, user.username, TEST_PASSWORD, planted);
    assert.equal(fixed.res.status, 303);
    assert.ok(fixed.session && fixed.session !== 'attacker-chosen-value');
    const attacker = await app.request('/', { headers: { cookie: planted } });
    assert.match(attacker.headers.get('location') ?? '', /^\/sign-in/);

    // A live session of someone else, presented at sign-in, is ended, not kept beside.
    const other = await createTestUser(t.db, 'viewer');
    const replaced = await signInThroughForm(app, user.username, TEST_PASSWORD, other.cookie);
    assert.notEqual(replaced.cookie, other.cookie);
    const stale = await app.request('/', { headers: { cookie: other.cookie } });
    assert.match(stale.headers.get('location') ?? '', /^\/sign-in/);
  });

  it('signs out, ending the session', async () => {
    const app = createApp({ db: t.db });
    const user = await createTestUser(t.db, 'viewer');
    const out = await postForm(app, '/sign-out', user.cookie, { _csrf: user.csrf });
    assert.equal(out.status, 303);
    assert.equal(out.headers.get('location'), '/sign-in');
    assert.match(setCookieLine(out, 'signpost_session'), /Max-Age=0/);
    const after = await app.request('/api/me', { headers: { cookie: user.cookie } });
    assert.equal(after.status, 401);
    const { rows } = await sql<{ reason: string }>`
      select ended_reason as reason from sessions where user_id = ${user.id}`.execute(t.db);
    assert.deepEqual(
      rows.map((r) => r.reason),
      ['signed out'],
    );
  });

  it('ends a session left idle past the limit', async () => {
    const app = createApp({ db: t.db, auth: { ...DEFAULT_AUTH, sessionIdleMs: 1000 } });
    const user = await createTestUser(t.db, 'viewer');
    assert.equal((await app.request('/api/me', { headers: { cookie: user.cookie } })).status, 200);
    // Idle is measured from the last request recorded; move it back past the limit.
    await sql`update sessions set last_seen_at = now() - interval '2 seconds' where user_id = ${user.id}`.execute(
      t.db,
    );
    assert.equal((await app.request('/api/me', { headers: { cookie: user.cookie } })).status, 401);
    const expired = await createTestUser(t.db, 'viewer');
    await sql`update sessions set expires_at = now() - interval '1 second' where user_id = ${expired.id}`.execute(
      t.db,
    );
    assert.equal(
      (await app.request('/api/me', { headers: { cookie: expired.cookie } })).status,
      401,
      'past its absolute expiry',
    );
  });

  it('throttles brute-force sign-in per username and per client', async () => {
    const app = createApp({ db: t.db });
    const user = await createTestUser(t.db, 'analyst');
    for (let i = 0; i < 5; i += 1) {
      const res = (await signInThroughForm(app, user.username, `guess ${i}`)).res;
      assert.equal(res.status, 401);
      assert.match(await res.text(), /the username or password is wrong/);
    }
    const locked = (await signInThroughForm(app, user.username, TEST_PASSWORD)).res;
    assert.equal(locked.status, 429, 'even the right password waits');
    assert.ok(Number(locked.headers.get('retry-after')) > 800);
    assert.match(await locked.text(), /too many failed sign-ins/);
    // Guessing across usernames from one client is capped too (20 in the window).
    for (let i = 0; i < 15; i += 1) await signInThroughForm(app, `nobody-${i}`, 'guess');
    const other = await createTestUser(t.db, 'viewer');
    assert.equal((await signInThroughForm(app, other.username, TEST_PASSWORD)).res.status, 429);
    // Another server process (its own throttle) signs the user in.
    const fresh = createApp({ db: t.db });
    assert.equal((await signInThroughForm(fresh, user.username, TEST_PASSWORD)).res.status, 303);
  });
});

describe('security: CSRF, tokens, users, audit, limits, headers', () => {
  let t: TestDatabase;
  let api: ReturnType<typeof testClient>;
  let app: ReturnType<typeof createApp>;
  before(async () => {
    t = await openTestDatabase();
    await importScenarioFile(t.db, SYSTEM_ACTOR, SAMPLE_PATH, DOCUMENTS);
    api = testClient(t.db);
    app = createApp({ db: t.db });
  });
  after(async () => t.close());

  const evidenceForm = {
    title: 'Arrests in Tehran',
    occurred_on: '2018-06-01',
    reliability: 'B',
    credibility: '2',
  };

  it('refuses a session write without its CSRF token, writing nothing', async () => {
    const user = await createTestUser(t.db, 'analyst');
    const before = await rowCounts(t.db);
    const path = `/questions/${SAMPLE}/evidence/new`;
    for (const token of [undefined, 'forged', user.csrf.slice(0, -1)]) {
      const res = await postForm(app, path, user.cookie, {
        ...evidenceForm,
        ...(token ? { _csrf: token } : {}),
      });
      assert.equal(res.status, 403, `token ${token}`);
      assert.match(await res.text(), /CSRF token is missing or wrong/);
    }
    const json = await app.request(`/api/questions/${SAMPLE}/evidence`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: user.cookie },
      body: JSON.stringify({ ...evidenceForm, credibility: 2, ratings: {} }),
    });
    assert.equal(json.status, 403, 'the API under a session needs X-CSRF-Token');
    assert.deepEqual(await rowCounts(t.db), before);

    const ok = await postForm(app, path, user.cookie, { ...evidenceForm, _csrf: user.csrf });
    assert.equal(ok.status, 303);
    const header = await app.request(`/api/questions/${SAMPLE}/evidence`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        cookie: user.cookie,
        'x-csrf-token': user.csrf,
      },
      body: JSON.stringify({ ...evidenceForm, credibility: 2, ratings: {} }),
    });
    assert.equal(header.status, 201);
    // The sign-in form is protected too (no login CSRF): without its own cookie it is refused.
    const login = await app.request('/sign-in', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        username: user.username,
        password: TEST_PASSWORD,
        _csrf: 'x',
      }).toString(),
    });
    assert.equal(login.status, 403);
    assert.equal(cookieSet(login, 'signpost_session'), undefined);
  });

  it('issues API tokens shown once, stored hashed, capped by role, revocable', async () => {
    const analyst = await createTestUser(t.db, 'analyst');
    const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
    const call = (path: string, token: string, init: RequestInit = {}) =>
      app.request(path, {
        ...init,
        headers: {
          ...bearer(token),
          'content-type': 'application/json',
          ...(init.headers as object),
        },
      });

    const tooHigh = await call('/api/tokens', analyst.token, {
      method: 'POST',
      body: JSON.stringify({ name: 'root', role: 'admin' }),
    });
    assert.equal(tooHigh.status, 400);
    assert.equal(
      ((await tooHigh.json()) as { errors: { path: string }[] }).errors[0]?.path,
      'body.role',
    );

    const created = await call('/api/tokens', analyst.token, {
      method: 'POST',
      body: JSON.stringify({ name: 'read-only script', role: 'viewer' }),
    });
    assert.equal(created.status, 201);
    const token = (await created.json()) as { id: string; token: string; role: string };
    assert.match(token.token, /^sp_[A-Za-z0-9_-]{43}$/);
    assert.equal(token.role, 'viewer');
    const listed = (await (await call('/api/tokens', analyst.token)).json()) as {
      tokens: { id: string }[];
    };
    assert.ok(listed.tokens.some((x: { id: string }) => x.id === token.id));
    assert.doesNotMatch(
      JSON.stringify(listed),
      new RegExp(token.token.slice(3)),
      'never shown again',
    );
    const { rows } = await sql<{ hash: string }>`
      select token_hash as hash from api_tokens where id = ${token.id}`.execute(t.db);
    assert.match(rows[0]?.hash ?? '', /^[0-9a-f]{64}$/);
    const dump = await sql<{ t: string }>`select api_tokens::text as t from api_tokens`.execute(
      t.db,
    );
    assert.ok(
      dump.rows.every((r) => !r.t.includes(token.token)),
      'no table holds the secret',
    );

    const me = (await (await call('/api/me', token.token)).json()) as Record<string, string>;
    assert.deepEqual([me.id, me.role, me.authenticated_by], [analyst.id, 'viewer', 'token']);
    const write = await call(`/api/questions/${SAMPLE}/evidence`, token.token, {
      method: 'POST',
      body: JSON.stringify({ ...evidenceForm, credibility: 2, ratings: {} }),
    });
    assert.equal(write.status, 403, 'a viewer token cannot write, whoever owns it');

    // Someone else's token cannot be revoked by a non-admin; its owner can.
    const stranger = await createTestUser(t.db, 'reviewer');
    assert.equal(
      (await call(`/api/tokens/${token.id}/revoke`, stranger.token, { method: 'POST' })).status,
      404,
    );
    assert.equal(
      (await call(`/api/tokens/${token.id}/revoke`, analyst.token, { method: 'POST' })).status,
      200,
    );
    const dead = await call('/api/me', token.token);
    assert.equal(dead.status, 401);
    assert.match(dead.headers.get('www-authenticate') ?? '', /invalid_token/);
    assert.equal(((await dead.json()) as { code: string }).code, 'unauthenticated');

    // A demoted owner's tokens lose what the owner lost.
    const { body: users } = await api.get('/api/users');
    assert.ok(users.users.length >= 3);
    await api.patch(`/api/users/${analyst.id}`, { role: 'viewer' });
    const demoted = (await (await call('/api/me', analyst.token)).json()) as { role: string };
    assert.equal(demoted.role, 'viewer');
  });

  it('provisions the bootstrap token once, hashed; a revoked one stays revoked', async () => {
    const secret = 'bootstrap-secret-for-automation-000000000';
    assert.deepEqual(await provisionBootstrapToken(t.db, SYSTEM_ACTOR, secret), {
      created: true,
      revoked: false,
    });
    assert.deepEqual(await provisionBootstrapToken(t.db, SYSTEM_ACTOR, secret), {
      created: false,
      revoked: false,
    });
    const res = await app.request('/api/users', { headers: { authorization: `Bearer ${secret}` } });
    assert.equal(res.status, 200, 'an admin token');
    const { rows } = await sql<{ id: string }>`
      select id from api_tokens where name like 'bootstrap%'`.execute(t.db);
    await revokeToken(t.db, SYSTEM_ACTOR, rows[0]?.id as string);
    assert.deepEqual(await provisionBootstrapToken(t.db, SYSTEM_ACTOR, secret), {
      created: false,
      revoked: true,
    });
    assert.equal(
      (await app.request('/api/me', { headers: { authorization: `Bearer ${secret}` } })).status,
      401,
    );
  });

  it('lets admins create users, change roles and deactivate them, all audited', async () => {
    const created = await api.post('/api/users', {
      username: 'aisha',
      display_name: 'Aisha Rahman',
      role: 'analyst',
    });
    assert.equal(created.status, 201);
    const temporary = created.body.temporary_password as string;
    assert.ok(temporary.length >= 20);
    assert.equal(
      (await api.post('/api/users', { username: 'aisha', display_name: 'x', role: 'viewer' }))
        .status,
      409,
    );
    const weak = await api.post('/api/users', {
      username: 'bo',
      display_name: 'Bo',
      role: 'viewer',
      password: 'bo-is-short',
    });
    assert.equal(weak.status, 400);
    assert.equal(weak.body.errors[0].path, 'body.password');

    const first = await signInThroughForm(app, 'aisha', temporary);
    assert.equal(first.res.headers.get('location'), '/account/password', 'must choose her own');

    const id = created.body.user.id as string;
    const promoted = await api.patch(`/api/users/${id}`, { role: 'reviewer' });
    assert.equal(promoted.status, 200);
    const requestId = promoted.headers.get('x-request-id') as string;
    const audit = await api.get(`/api/audit?request_id=${encodeURIComponent(requestId)}`);
    assert.equal(audit.body.entries.length, 1);
    const [entry] = audit.body.entries;
    assert.equal(entry.action, 'user.update');
    assert.equal(entry.entity_id, id);
    assert.equal(entry.actor_id, (await api.user()).id);
    assert.equal(entry.before.role, 'analyst');
    assert.equal(entry.after.role, 'reviewer');

    const deactivated = await api.patch(`/api/users/${id}`, { active: false });
    assert.equal(deactivated.body.active, false);
    assert.equal(
      (await app.request('/', { headers: { cookie: first.cookie } })).headers
        .get('location')
        ?.startsWith('/sign-in'),
      true,
      'their session ended',
    );
    assert.equal((await signInThroughForm(app, 'aisha', temporary)).res.status, 401);

    const self = (await api.user()).id;
    const demote = await api.patch(`/api/users/${self}`, { role: 'viewer' });
    assert.equal(demote.status, 400, 'an admin cannot demote themselves');
    const empty = await api.patch(`/api/users/${id}`, {});
    assert.equal(empty.status, 400);
  });

  it('filters the audit trail and exports it as CSV', async () => {
    const me = await api.user();
    const page = await api.get(`/api/audit?actor=${me.username}&action=user.&limit=2`);
    assert.equal(page.status, 200);
    assert.equal(page.body.entries.length, 2);
    assert.ok(
      page.body.entries.every(
        (e: { action: string; actor: string }) =>
          e.action.startsWith('user.') && e.actor === me.username,
      ),
    );
    const next = await api.get(
      `/api/audit?actor=${me.username}&action=user.&before=${page.body.next_before}`,
    );
    assert.ok(next.body.entries.every((e: { id: number }) => e.id < page.body.next_before));
    const csv = await api.app.request('/api/audit?format=csv&entity_type=user');
    assert.equal(csv.status, 200);
    assert.match(csv.headers.get('content-type') ?? '', /^text\/csv/);
    const lines = (await csv.text()).trim().split('\r\n');
    assert.equal(
      lines[0],
      'id,at,actor_id,actor,action,entity_type,entity_id,before,after,request_id',
    );
    assert.ok(lines.length > 3);
    const html = await (await api.app.request('/audit?action=user.update')).text();
    assert.match(html, /<code>user\.update<\/code>/);
    assert.match(html, /href="\/api\/audit\?action=user.update&amp;format=csv"/);
  });

  it('exports users without credentials; imported users cannot sign in until an admin resets them', async () => {
    const exported = await api.get('/api/export');
    const users = exported.body.tables.users as Record<string, unknown>[];
    assert.deepEqual(Object.keys(users[0] ?? {}).sort(), [
      'display_name',
      'id',
      'role',
      'username',
    ]);
    assert.doesNotMatch(JSON.stringify(exported.body), /scrypt/);
    assert.equal('user_credentials' in exported.body.tables, false);
    const other = await openTestDatabase();
    try {
      const b = testClient(other.db);
      assert.equal((await b.post('/api/import', exported.body)).status, 200);
      const otherApp = createApp({ db: other.db });
      const res = (await signInThroughForm(otherApp, 'aisha', 'anything at all here')).res;
      assert.equal(res.status, 401);
      const analyst = testClient(other.db, 'analyst');
      const refused = await analyst.post('/api/import', exported.body);
      assert.equal(refused.status, 403, 'a whole document is an admin’s to import');
    } finally {
      await other.close();
    }
  });

  it('stores SQL-injection strings verbatim in every text field and filter', async () => {
    const nasty = [
      "'; drop table evidence; --",
      '" or 1=1 --',
      "Robert'); delete from users where ('1'='1",
      '%_\\ $1 ::text',
    ];
    for (const [i, s] of nasty.entries()) {
      const q = await api.post('/api/questions', {
        title: `Q ${s}`,
        description: s,
        kind: 'independent',
        tags: [`t${i}`],
        hypotheses: [
          {
            title: `H ${s}`,
            statement: s,
            horizon: '2030-01-01',
            resolution_criteria: s,
            prior: 0.3,
            rationale: s,
          },
        ],
      });
      assert.equal(q.status, 201, JSON.stringify(q.body));
      assert.deepEqual([q.body.title, q.body.description], [`Q ${s}`, s]);
      const h = q.body.hypotheses[0];
      assert.deepEqual(
        [h.title, h.statement, h.resolution_criteria, h.rationale],
        [`H ${s}`, s, s, s],
      );
      const ind = await api.post(`/api/questions/${q.body.id}/indicators`, {
        title: `I ${s}`,
        description: s,
        threshold: s,
        expectations: { [h.id]: 'HL' },
      });
      assert.deepEqual(
        [ind.body.title, ind.body.description, ind.body.threshold],
        [`I ${s}`, s, s],
      );
      const ev = await api.post(`/api/questions/${q.body.id}/evidence`, {
        title: `E ${s}`,
        summary: s,
        occurred_on: '2018-06-01',
        source: { title: s },
        reliability: 'C',
        credibility: 3,
        ratings: { [h.id]: 'C' },
      });
      assert.equal(ev.status, 201, JSON.stringify(ev.body));
      const item = (await api.get(`/api/evidence/${ev.body.id}`)).body;
      assert.deepEqual([item.title, item.summary, item.source.title], [`E ${s}`, s, s]);
      const judged = await api.post(`/api/hypotheses/${h.id}/assessments`, {
        probability: 0.4,
        rationale: s,
      });
      assert.equal(judged.body.rationale, s);
      const retracted = await api.post(`/api/evidence/${ev.body.id}/retract`, { reason: s });
      assert.equal(retracted.status, 200);
      assert.equal((await api.get(`/api/evidence/${ev.body.id}`)).body.retraction.reason, s);
      const resolved = await api.post(`/api/hypotheses/${h.id}/resolution`, {
        outcome: 'false',
        resolved_at: new Date().toISOString(),
        note: s,
      });
      assert.equal(resolved.status, 201, JSON.stringify(resolved.body));
      const token = await api.post('/api/tokens', { name: s });
      assert.equal(token.body.name, s);
      const user = await api.post('/api/users', {
        username: `sql${i}`,
        display_name: s,
        role: 'viewer',
      });
      assert.equal(user.body.user.display_name, s);
      // As filters: matched literally, never as SQL.
      for (const filter of ['actor', 'action', 'entity_type', 'entity_id', 'request_id']) {
        const res = await api.get(`/api/audit?${filter}=${encodeURIComponent(s)}`);
        assert.equal(res.status, 200, filter);
        assert.deepEqual(res.body.entries, [], filter);
      }
      // Tags are at most 40 characters.
      const tagged = await api.get(`/api/questions?tag=${encodeURIComponent(s.slice(0, 40))}`);
      assert.deepEqual([tagged.status, tagged.body.questions], [200, []]);
    }
    const counts = await rowCounts(t.db);
    assert.ok(counts.evidence && counts.evidence >= nasty.length, 'the evidence table stands');
  });

  it('caps request bodies and answers with problem+json', async () => {
    const big = 'x'.repeat(1024 * 1024 + 1);
    const res = await api.post(`/api/questions/${SAMPLE}/evidence`, { title: big });
    assert.equal(res.status, 413);
    assert.equal(res.body.code, 'payload_too_large');
    const user = await createTestUser(t.db, 'analyst');
    const form = await postForm(app, `/questions/${SAMPLE}/evidence/new`, user.cookie, {
      _csrf: user.csrf,
      title: 'x'.repeat(300 * 1024),
    });
    assert.equal(form.status, 413);
  });

  it('sends secure headers, with a policy that allows no inline script', async () => {
    for (const path of ['/', '/api/questions', '/sign-in', '/docs']) {
      const res = await api.app.request(path);
      const csp = res.headers.get('content-security-policy') ?? '';
      assert.match(csp, /default-src 'self'/, path);
      assert.match(csp, /script-src 'self'(;|$)/, path);
      assert.doesNotMatch(csp, /script-src[^;]*unsafe/, path);
      assert.match(csp, /frame-ancestors 'none'/, path);
      assert.equal(res.headers.get('x-content-type-options'), 'nosniff', path);
      assert.equal(res.headers.get('x-frame-options'), 'DENY', path);
      assert.equal(res.headers.get('referrer-policy'), 'no-referrer', path);
    }
    const html = await (await api.app.request(`/questions/${SAMPLE}/brief`)).text();
    assert.doesNotMatch(html, /\son[a-z]+="/, 'no inline event handlers');
    assert.doesNotMatch(
      html,
      /<script(?![^>]*(src=|type="application\/json"))/,
      'no inline script',
    );
  });
});

describe('per-analyst forecasts, the team view and blind mode', () => {
  let t: TestDatabase;
  before(async () => {
    t = await openTestDatabase();
    await importScenarioFile(t.db, SYSTEM_ACTOR, SAMPLE_PATH, DOCUMENTS);
  });
  after(async () => t.close());

  it('keeps each analyst’s series, shows the median beside them, and hides it until one judges', async () => {
    const admin = testClient(t.db);
    const [a, b, c] = [
      testClient(t.db, 'analyst'),
      testClient(t.db, 'analyst'),
      testClient(t.db, 'analyst'),
    ];
    const viewer = testClient(t.db, 'viewer');
    await a.post(`/api/hypotheses/${IRAN}/assessments`, { probability: 0.2, rationale: 'A' });
    await b.post(`/api/hypotheses/${IRAN}/assessments`, { probability: 0.6, rationale: 'B' });
    await b.post(`/api/hypotheses/${IRAN}/assessments`, { probability: 0.5, rationale: 'B again' });
    const iran = async (client: ReturnType<typeof testClient>) =>
      (await client.get(`/api/questions/${SAMPLE}`)).body.hypotheses.find(
        (h: { id: string }) => h.id === IRAN,
      );

    const open = await iran(c);
    assert.equal(open.current.analyst, 0.35, 'the median of 0.2 and 0.5 (B’s latest)');
    assert.deepEqual(open.current.team.n, 2);
    assert.match(open.current.team.method, /^median/);
    assert.deepEqual(
      open.current.analysts
        .map((x: { username: string; probability: number }) => x.probability)
        .sort(),
      [0.2, 0.5],
    );

    assert.equal((await c.patch(`/api/questions/${SAMPLE}`, { blind: true })).status, 403);
    const blind = await admin.patch(`/api/questions/${SAMPLE}`, { blind: true });
    assert.equal(blind.status, 200);
    assert.equal(blind.body.blind, true);

    const hidden = await iran(c);
    assert.equal(hidden.current.hidden_by_blind_mode, true);
    assert.deepEqual(
      [hidden.current.analyst, hidden.current.team, hidden.current.analysts],
      [null, null, []],
    );
    const timeline = (await c.get(`/api/hypotheses/${IRAN}/timeline`)).body.points;
    assert.equal(timeline.filter((p: { series: string }) => p.series === 'analyst').length, 0);
    assert.ok(
      timeline.some((p: { series: string }) => p.series === 'model'),
      'the model stays',
    );
    const page = await (await c.app.request(`/questions/${SAMPLE}`)).text();
    assert.match(page, /hidden until you judge \(blind mode\)/);
    assert.doesNotMatch(page, /"series":"analyst"/);

    assert.equal((await iran(a)).current.analysts.length, 2, 'one who has judged sees everyone');
    assert.equal(
      (await iran(viewer)).current.analyst,
      0.35,
      'readers who cannot judge see the team',
    );

    await c.post(`/api/hypotheses/${IRAN}/assessments`, { probability: 0.9, rationale: 'C' });
    const judged = await iran(c);
    assert.equal(judged.current.hidden_by_blind_mode, false);
    assert.equal(judged.current.analyst, 0.5, 'the median of 0.2, 0.5 and 0.9');
    const series = (await c.get(`/api/hypotheses/${IRAN}/timeline`)).body.points
      .filter((p: { series: string }) => p.series === 'analyst')
      .map((p: { forecaster: string; probability: number }) => [p.forecaster, p.probability]);
    const ids = await Promise.all([a, b, c].map(async (x) => (await x.user()).id));
    assert.deepEqual(
      series.sort(),
      [
        [ids[0], 0.2],
        [ids[1], 0.6],
        [ids[1], 0.5],
        [ids[2], 0.9],
      ].sort(),
      'each analyst’s own series, every judgment kept',
    );
  });
});
