import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { createApp } from '../server/app.js';
import { createTestUser, type TestUser } from './support/accounts.js';
import {
  browserMissing,
  launchBrowser,
  postCreated,
  SCREENSHOTS,
  serveApp,
  signedInPage,
  type TestServer,
} from './support/browser.js';
import { openTestDatabase, type TestDatabase } from './support/database.js';

const skip = browserMissing();

/** Markup that would run if any page put stored text into HTML unescaped. */
const XSS =
  '<script>window.__xss=1</script><img src=x onerror="window.__xss=1"><svg onload="window.__xss=1"></svg>"\'><b>bold</b>';

describe('security in a real browser', { skip }, () => {
  let db: TestDatabase;
  let server: TestServer;
  let browser: Browser;
  const ids: Record<string, string> = {};

  before(async () => {
    db = await openTestDatabase();
    server = await serveApp(db.db);
    const post = (path: string, body: unknown) => postCreated(server, path, body);
    // Every kind of stored text carries the payload.
    const question = await post('/api/questions', {
      title: `Q ${XSS}`,
      description: XSS,
      kind: 'independent',
      hypotheses: [
        {
          title: `H ${XSS}`,
          statement: XSS,
          horizon: '2030-01-01',
          resolution_criteria: XSS,
          prior: 0.3,
          rationale: XSS,
        },
      ],
    });
    const hypothesis = question.hypotheses[0];
    const indicator = await post(`/api/questions/${question.id}/indicators`, {
      title: `I ${XSS}`,
      description: XSS,
      threshold: XSS,
      expectations: { [hypothesis.id]: 'HL' },
    });
    const evidence = await post(`/api/questions/${question.id}/evidence`, {
      title: `E ${XSS}`,
      summary: XSS,
      occurred_on: '2018-06-01',
      source: { title: XSS, url: 'javascript:window.__xss=1' },
      reliability: 'B',
      credibility: 2,
      ratings: { [hypothesis.id]: 'CC' },
      observations: [{ indicator_id: indicator.id, status: 'OBSERVED' }],
    });
    await post(`/api/hypotheses/${hypothesis.id}/assessments`, {
      probability: 0.6,
      rationale: XSS,
    });
    const second = await post(`/api/questions/${question.id}/evidence`, {
      title: `E2 ${XSS}`,
      occurred_on: '2018-07-01',
      reliability: 'C',
      credibility: 3,
      ratings: { [hypothesis.id]: 'I' },
    });
    const retracted = await server.fetch(`/api/evidence/${second.id}/retract`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ reason: XSS }),
    });
    assert.equal(retracted.status, 200);
    await post(`/api/hypotheses/${hypothesis.id}/resolution`, {
      outcome: 'true',
      resolved_at: new Date().toISOString(),
      note: XSS,
    });
    await post('/api/users', { username: 'mallory', display_name: XSS, role: 'analyst' });
    await post('/api/tokens', { name: '<img src=x onerror="window.__xss=1">' });
    Object.assign(ids, { question: question.id, hypothesis: hypothesis.id, evidence: evidence.id });
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
    await db?.close();
  });

  /** Every page a GET serves, from the app's own route table, with ids of the stored payload. */
  function pagePaths(): string[] {
    const app = createApp({ db: db.db });
    const paths = app.routes
      .filter((r) => r.method === 'GET' && !/^\/(api|docs|assets|openapi)/.test(r.path))
      .map((r) =>
        r.path
          .replace(/^\/questions\/:id/, `/questions/${ids.question}`)
          .replace(/^\/(hypotheses|review\/hypotheses)\/:id/, `/$1/${ids.hypothesis}`)
          .replace(/^\/evidence\/:id/, `/evidence/${ids.evidence}`),
      );
    assert.ok(
      paths.every((p) => !p.includes(':')),
      `every page has an id: ${paths}`,
    );
    return [...new Set(paths)];
  }

  async function visit(page: Page, path: string) {
    const problems: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(m.text());
    });
    page.on('pageerror', (e) => problems.push(e.message));
    page.on('dialog', (d) => {
      problems.push(`dialog: ${d.message()}`);
      void d.dismiss();
    });
    const res = await page.goto(`${server.url}${path}`);
    await page.waitForLoadState('load');
    return { status: res?.status(), problems };
  }

  it('renders stored script, handlers and javascript: links inert on every page', async () => {
    const page = await signedInPage(browser, server, { viewport: { width: 1280, height: 900 } });
    const paths = pagePaths();
    assert.ok(paths.length >= 18, `${paths.length} pages`);
    for (const path of paths) {
      const { status, problems } = await visit(page, path);
      assert.ok(status && status < 500, `${path}: ${status}`);
      const state = await page.evaluate(() => {
        const { document, __xss } = globalThis as any;
        const hrefs: string[] = [...document.querySelectorAll('a[href]')].map((a: any) =>
          String(a.getAttribute('href')).trim().toLowerCase(),
        );
        return {
          xss: __xss,
          injected: document.querySelectorAll('img[src="x"], svg[onload], [onerror], [onload]')
            .length,
          bold: document.querySelectorAll('b').length,
          javascriptLinks: hrefs.filter((h) => h.startsWith('javascript:')).length,
        };
      });
      assert.deepEqual(state, { xss: undefined, injected: 0, bold: 0, javascriptLinks: 0 }, path);
      assert.deepEqual(problems, [], `${path}: console errors (a CSP violation would show here)`);
    }
    // The payload is shown as the text it is.
    await visit(page, `/questions/${ids.question}`);
    assert.ok((await page.locator('h1').innerText()).includes('<script>window.__xss=1</script>'));
    await page.close();
  });

  it('signs in through the form with a Secure HttpOnly cookie, then forces a new password', async () => {
    // A new user with a password an admin set, as on a first start.
    const first = { username: 'newcomer', password: 'set by the admin 123' };
    await postCreated(server, '/api/users', {
      ...first,
      display_name: 'Newcomer',
      role: 'analyst',
    });
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${server.url}/questions/${ids.question}`);
    assert.match(page.url(), /\/sign-in\?next=%2Fquestions%2F/, 'sent to sign in, and back after');
    await page.getByLabel('Username').fill(first.username);
    await page.getByLabel('Password').fill('wrong password here');
    await page.getByRole('button', { name: 'Sign in' }).click();
    assert.match(await page.getByRole('alert').innerText(), /the username or password is wrong/);
    await page.getByLabel('Username').fill(first.username);
    await page.getByLabel('Password').fill(first.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(/\/account\/password$/);
    const [cookie] = (await context.cookies()).filter((c) => c.name === 'signpost_session');
    assert.ok(cookie);
    assert.deepEqual([cookie.httpOnly, cookie.secure, cookie.sameSite], [true, true, 'Lax']);
    assert.equal(
      await page.evaluate(() => (globalThis as any).document.cookie.includes('signpost_session')),
      false,
    );

    await page.locator('#f-current_password').fill(first.password);
    await page.locator('#f-new_password').fill('a brand new passphrase');
    await page.locator('#f-confirm_password').fill('a brand new passphrase');
    await page.getByRole('button', { name: 'Change password' }).click();
    await page.waitForURL(/\/account\?notice=password$/);
    assert.match(await page.getByRole('status').first().innerText(), /password is changed/);
    await page.screenshot({ path: `${SCREENSHOTS}account.png`, fullPage: true });

    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL(/\/sign-in$/);
    await page.goto(`${server.url}/`);
    assert.match(page.url(), /\/sign-in/);
    await context.close();
  });

  it('shows a viewer no form or link their role cannot use', async () => {
    const viewer: TestUser = await createTestUser(db.db, 'viewer');
    const page = await signedInPage(browser, server, {}, viewer);
    await page.goto(`${server.url}/questions/${ids.question}`);
    const nav = await page.getByRole('navigation', { name: 'Site' }).innerText();
    assert.match(nav, /Dashboard/);
    assert.doesNotMatch(nav, /Review|New question|Audit|Users/);
    for (const name of [
      'Log evidence',
      'Record a judgment',
      'Add a hypothesis',
      'Add an indicator',
    ]) {
      assert.equal(await page.getByRole('link', { name }).count(), 0, name);
    }
    assert.equal(await page.locator('form[method="post"]').count(), 1, 'only sign-out');
    await page.goto(`${server.url}/hypotheses/${ids.hypothesis}`);
    assert.equal(await page.getByRole('link', { name: /Resolve|Post-mortem/ }).count(), 0);
    const refused = await page.goto(`${server.url}/questions/${ids.question}/evidence/new`);
    assert.equal(refused?.status(), 403);
    assert.match(await page.locator('main').innerText(), /evidence\.write/);
    await page.context().close();
  });

  it('renders the API documentation under the policy, with no inline script', async () => {
    const page = await signedInPage(browser, server);
    const { problems } = await visit(page, '/docs');
    await page.locator('.swagger-ui .opblock').first().waitFor();
    assert.ok((await page.locator('.swagger-ui .opblock').count()) > 30);
    assert.deepEqual(problems, []);
    await page.context().close();
  });
});
