import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { SYSTEM_ACTOR } from '../server/actor.js';
import { createApp } from '../server/app.js';
import { DEFAULT_AUTH } from '../server/config.js';
import {
  ASSIGNABLE_ROLES,
  type AssignableRole,
  can,
  type Permission,
} from '../server/domain/roles.js';
import { keyedId } from '../server/ids.js';
import { EvidenceInputSchema } from '../server/schemas/evidence.js';
import { createApiToken, revokeToken } from '../server/services/api-tokens.js';
import { logEvidence } from '../server/services/evidence.js';
import { importScenarioFile } from '../server/services/scenario-files.js';
import { openSession, resolveSession } from '../server/services/sessions.js';
import { createTestUser, type TestUser } from './support/accounts.js';
import { openTestDatabase, type TestDatabase } from './support/database.js';
import { DOCUMENTS, SAMPLE_PATH } from './support/fixtures.js';

/**
 * Who may use each route: `public`, or the permission it needs. Written out by hand, apart from
 * the server's own declarations, so that a route whose guard is missing or wrong fails here.
 * Every route the app registers must be listed, so a new route cannot be forgotten.
 */
const ACCESS: Record<string, Permission | 'public'> = {
  'GET /api/questions': 'read',
  'POST /api/questions': 'question.write',
  'GET /api/questions/:id': 'read',
  'PATCH /api/questions/:id': 'question.write',
  'POST /api/questions/:id/hypotheses': 'question.write',
  'POST /api/questions/:id/indicators': 'question.write',
  'POST /api/indicators/:id/status': 'evidence.write',
  'GET /api/indicators/:id/history': 'read',
  'POST /api/questions/:id/evidence': 'evidence.write',
  'GET /api/questions/:id/evidence': 'read',
  'GET /api/evidence/:id': 'read',
  'POST /api/evidence/:id/retract': 'evidence.write',
  'GET /api/hypotheses/:id': 'read',
  'PATCH /api/hypotheses/:id': 'question.write',
  'POST /api/hypotheses/:id/assessments': 'judgment.write',
  'POST /api/questions/:id/assessments': 'judgment.write',
  'GET /api/hypotheses/:id/timeline': 'read',
  'GET /api/questions/:id/matrix': 'read',
  'POST /api/hypotheses/:id/resolution': 'resolution.write',
  'GET /api/hypotheses/:id/resolutions': 'read',
  'GET /api/scores': 'scores.read',
  'GET /api/scores/forecasts': 'scores.read',
  'GET /api/export': 'read',
  'GET /api/export/evidence.csv': 'read',
  'GET /api/export/assessments.csv': 'read',
  'POST /api/import': 'data.import',
  'GET /api/questions/:id/charts/timeline': 'read',
  'GET /api/questions/:id/charts/probabilities': 'read',
  'GET /api/charts/calibration': 'scores.read',
  'GET /api/charts/scores': 'scores.read',
  'GET /api/me': 'read',
  'POST /api/me/password': 'account.self',
  'GET /api/tokens': 'account.self',
  'POST /api/tokens': 'account.self',
  'POST /api/tokens/:id/revoke': 'account.self',
  'GET /api/users': 'users.manage',
  'POST /api/users': 'users.manage',
  'PATCH /api/users/:id': 'users.manage',
  'POST /api/users/:id/password-reset': 'users.manage',
  'GET /api/audit': 'audit.read',
  'GET /openapi.json': 'public',
  'GET /docs': 'public',
  'GET /docs/assets/:file': 'public',
  'GET /assets/:file': 'public',
  'GET /sign-in': 'public',
  'POST /sign-in': 'public',
  'POST /sign-out': 'account.self',
  'GET /account': 'account.self',
  'POST /account/tokens': 'account.self',
  'POST /account/tokens/:id/revoke': 'account.self',
  'GET /account/password': 'account.self',
  'POST /account/password': 'account.self',
  'GET /admin/users': 'users.manage',
  'POST /admin/users': 'users.manage',
  'POST /admin/users/:id': 'users.manage',
  'POST /admin/users/:id/password-reset': 'users.manage',
  'GET /audit': 'audit.read',
  'GET /': 'read',
  'GET /questions/new': 'question.write',
  'POST /questions/new': 'question.write',
  'GET /questions/:id/hypotheses/new': 'question.write',
  'POST /questions/:id/hypotheses/new': 'question.write',
  'GET /questions/:id/indicators/new': 'question.write',
  'POST /questions/:id/indicators/new': 'question.write',
  'GET /questions/:id/evidence/new': 'evidence.write',
  'POST /questions/:id/evidence/new': 'evidence.write',
  'GET /evidence/:id/retract': 'evidence.write',
  'POST /evidence/:id/retract': 'evidence.write',
  'GET /questions/:id/judgment': 'judgment.write',
  'POST /questions/:id/judgment': 'judgment.write',
  'GET /hypotheses/:id/judgment': 'judgment.write',
  'POST /hypotheses/:id/judgment': 'judgment.write',
  'POST /questions/:id/blind': 'question.write',
  'GET /questions/:id': 'read',
  'GET /questions/:id/brief': 'read',
  'GET /hypotheses/:id': 'read',
  'GET /hypotheses/:id/resolution': 'resolution.write',
  'POST /hypotheses/:id/resolution': 'resolution.write',
  'GET /review': 'scores.read',
  'GET /review/hypotheses/:id': 'scores.read',
};

const SAMPLE = keyedId('q', 'post-caliphate-sample');
const HYPOTHESIS = keyedId('h', 'post-caliphate-sample/iran-preferred-target');
const INDICATOR = keyedId('i', 'post-caliphate-sample/arrests-in-iran');

type Principal = AssignableRole | 'anonymous' | 'revoked token';
const PRINCIPALS: Principal[] = ['anonymous', 'revoked token', ...ASSIGNABLE_ROLES];

describe('authorization matrix: every route × every role, anonymous and a revoked token', () => {
  let t: TestDatabase;
  let app: ReturnType<typeof createApp>;
  const users = new Map<AssignableRole, TestUser>();
  let revoked: string;
  const ids: Record<string, string> = {};

  before(async () => {
    t = await openTestDatabase();
    await importScenarioFile(t.db, SYSTEM_ACTOR, SAMPLE_PATH, DOCUMENTS);
    app = createApp({ db: t.db });
    for (const role of ASSIGNABLE_ROLES) users.set(role, await createTestUser(t.db, role));
    const admin = users.get('admin') as TestUser;
    const dead = await createApiToken(t.db, admin.actor, { name: 'revoked' });
    await revokeToken(t.db, admin.actor, dead.id);
    revoked = dead.token;
    // What the routes with an id act on: things whose changes harm no one in the matrix.
    const target = await createTestUser(t.db, 'viewer');
    const evidence = await logEvidence(
      t.db,
      admin.actor,
      SAMPLE,
      EvidenceInputSchema.parse({
        title: 'A report',
        occurred_on: '2018-06-01',
        reliability: 'B',
        credibility: 2,
        ratings: {},
      }),
    );
    const token = await createApiToken(t.db, target.actor, { name: 'target' });
    Object.assign(ids, {
      question: SAMPLE,
      hypothesis: HYPOTHESIS,
      indicator: INDICATOR,
      evidence: evidence.id,
      user: target.id,
      token: token.id,
    });
  });
  after(async () => t.close());

  function concretePath(path: string): string {
    const kind = /^\/(?:api\/|admin\/|account\/)?([a-z]+)\/:id/.exec(path)?.[1];
    const id = {
      questions: ids.question,
      hypotheses: ids.hypothesis,
      indicators: ids.indicator,
      evidence: ids.evidence,
      users: ids.user,
      tokens: ids.token,
    }[kind ?? ''];
    return path
      .replace(':id', id ?? 'x')
      .replace('/docs/assets/:file', '/docs/assets/docs.js')
      .replace('/assets/:file', '/assets/app.css');
  }

  /** A fresh session of `user`, for a request that would end the one it came with. */
  async function freshSession(user: TestUser) {
    const token = await openSession(t.db, DEFAULT_AUTH, user.actor, 'session.sign_in');
    const session = await resolveSession(t.db, DEFAULT_AUTH, token);
    return { cookie: `signpost_session=${token}`, csrf: session?.csrfToken ?? '' };
  }

  async function send(route: string, who: Principal) {
    const [method, path] = route.split(' ') as [string, string];
    const api = path.startsWith('/api/');
    const headers = new Headers();
    if (who === 'revoked token') headers.set('authorization', `Bearer ${revoked}`);
    else if (who !== 'anonymous') {
      const user = users.get(who) as TestUser;
      if (api) headers.set('authorization', `Bearer ${user.token}`);
      else {
        const { cookie, csrf } = route === 'POST /sign-out' ? await freshSession(user) : user;
        headers.set('cookie', cookie);
        headers.set('x-csrf-token', csrf);
      }
    }
    let body: string | undefined;
    if (method !== 'GET') {
      headers.set('content-type', api ? 'application/json' : 'application/x-www-form-urlencoded');
      body = api ? '{}' : '';
    }
    return app.request(concretePath(path), { method, headers, body });
  }

  it('lists every route the app serves, and only those', () => {
    const routes = new Set(
      app.routes.filter((r) => r.method !== 'ALL').map((r) => `${r.method} ${r.path}`),
    );
    const unlisted = [...routes].filter((r) => !(r in ACCESS));
    assert.deepEqual(unlisted, [], 'routes with no expected access: add them to ACCESS');
    assert.deepEqual(
      Object.keys(ACCESS).filter((r) => !routes.has(r)),
      [],
      'ACCESS lists routes the app no longer has',
    );
  });

  for (const [route, access] of Object.entries(ACCESS)) {
    it(route, async () => {
      const api = route.split(' ')[1]?.startsWith('/api/');
      for (const who of PRINCIPALS) {
        const res = await send(route, who);
        const text = await res.text();
        const where = `${route} as ${who}: ${res.status} ${text.slice(0, 200)}`;
        assert.ok(res.status < 500, where);
        if (who === 'revoked token') {
          assert.equal(res.status, 401, where);
          assert.equal(JSON.parse(text).code, 'unauthenticated', where);
          continue;
        }
        if (access === 'public') {
          assert.notEqual(res.status, 401, where);
          assert.doesNotMatch(res.headers.get('location') ?? '', /^\/sign-in/, where);
          continue;
        }
        if (who === 'anonymous') {
          if (api) {
            assert.equal(res.status, 401, where);
            assert.match(res.headers.get('content-type') ?? '', /^application\/problem\+json/);
            assert.equal(JSON.parse(text).code, 'unauthenticated', where);
          } else {
            assert.equal(res.status, 303, where);
            assert.match(res.headers.get('location') ?? '', /^\/sign-in\?next=/, where);
          }
          continue;
        }
        if (can(who, access)) {
          assert.ok(![401, 403].includes(res.status), where);
          // Signing out is the one success that ends at the sign-in page.
          if (route !== 'POST /sign-out') {
            assert.doesNotMatch(res.headers.get('location') ?? '', /^\/sign-in/, where);
          }
        } else {
          assert.equal(res.status, 403, where);
          if (api) {
            assert.match(res.headers.get('content-type') ?? '', /^application\/problem\+json/);
            const problem = JSON.parse(text);
            assert.equal(problem.code, 'forbidden', where);
            assert.match(problem.detail, new RegExp(access.replace('.', '\\.')), where);
          } else {
            assert.match(res.headers.get('content-type') ?? '', /^text\/html/, where);
          }
        }
      }
    });
  }
});
