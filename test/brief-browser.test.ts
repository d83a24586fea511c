import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Browser, Page } from 'playwright-core';
import { wordsFor } from '../server/domain/words.js';
import type { QuestionView } from '../server/schemas/views.js';
import { readQuestions } from '../server/services/question-reads.js';
import { pct, points } from '../server/views/format.js';
import {
  browserMissing,
  launchBrowser,
  postCreated,
  SCREENSHOTS,
  serveBuiltInScenarios,
  signedInPage,
  type TestServer,
} from './support/browser.js';
import type { TestDatabase } from './support/database.js';

const skip = browserMissing();

/** Pages in a PDF: Chromium writes one page object per page. */
const pageCount = (pdf: Buffer) => pdf.toString('latin1').match(/\/Type\s*\/Page\b/g)?.length ?? 0;

describe('the one-page brief in a real browser', { skip }, () => {
  let db: TestDatabase;
  let server: TestServer;
  let browser: Browser;
  let page: Page;
  let question: QuestionView;
  /** Recorded times: the last brief, and a moment in between the two items. */
  let lastBrief: string;
  let between: string;

  const post = (path: string, body: unknown) => postCreated(server, path, body);

  before(async () => {
    ({ db, server } = await serveBuiltInScenarios());
    question = (await readQuestions(db.db, {})).find((q) => q.kind === 'exclusive') as QuestionView;
    const [iraq, libya] = question.hypotheses;
    const libyaIndicator = question.indicators.find(
      (i) => i.expectations[libya?.id as string] === 'HL',
    );
    assert.ok(libyaIndicator, 'an indicator highly likely under Libya');
    await sleep(5);
    lastBrief = new Date().toISOString();
    await sleep(5);
    await post(`/api/questions/${question.id}/evidence`, {
      title: 'Attacks resume in Anbar',
      occurred_on: '2018-03-01',
      reliability: 'B',
      credibility: 2,
      ratings: { [iraq?.id as string]: 'CC', [libya?.id as string]: 'I' },
    });
    await sleep(5);
    between = new Date().toISOString();
    await sleep(5);
    await post(`/api/questions/${question.id}/evidence`, {
      title: 'Leaders reported in Sirte',
      occurred_on: '2018-05-01',
      reliability: 'A',
      credibility: 1,
      ratings: { [libya?.id as string]: 'CC' },
      observations: [{ indicator_id: libyaIndicator.id, status: 'OBSERVED' }],
    });
    await post(`/api/hypotheses/${iraq?.id}/assessments`, {
      probability: 0.55,
      rationale: 'Attacks point to a durable insurgency',
    });
    browser = await launchBrowser();
    page = await signedInPage(browser, server, { viewport: { width: 1280, height: 900 } });
    page.on('pageerror', (error) => assert.fail(`a page script failed: ${error.message}`));
  });

  after(async () => {
    await browser?.close();
    await server?.close();
    await db?.close();
  });

  it('shows assessments, change since the last brief, what moved, what fired, what to watch', async () => {
    const res = await page.goto(
      `${server.url}/questions/${question.id}/brief?since=${encodeURIComponent(lastBrief)}`,
    );
    assert.equal(res?.status(), 200);
    await page.waitForSelector('figure[data-chart-ready]');
    assert.equal(await page.locator('h1').textContent(), `Brief: ${question.title}`);

    const now = (await (
      await server.fetch(`/api/questions/${question.id}`)
    ).json()) as QuestionView;
    const rows = page
      .getByRole('region', { name: 'Current assessments and change since the last brief' })
      .locator('tbody tr');
    assert.equal(await rows.count(), question.hypotheses.length);
    const first = (await rows.nth(0).locator('td').allTextContents()).map((t) =>
      t.replace(/\s+/g, ' ').trim(),
    );
    const model = now.hypotheses[0]?.current.model as number;
    assert.equal(first[0], `${pct(model)} ${wordsFor(model)}`);
    assert.equal(first[1], points(model - (question.hypotheses[0]?.current.model as number)));
    assert.equal(first[2], '55 % roughly even chance', 'the upper edge of its band (METHODS §5)');
    assert.equal(first[3], 'new', 'no judgment stood at the last brief');

    const movesList = await page.locator('#brief-moves + ol li').allTextContents();
    assert.equal(movesList.length, 2);
    assert.ok(movesList.some((t) => t.includes('Attacks resume in Anbar')));
    assert.ok(movesList.some((t) => t.includes('Leaders reported in Sirte')));
    const fired = await page.locator('#brief-indicators + ul li').allTextContents();
    assert.equal(fired.length, 1);
    assert.match(fired[0] as string, /^observed: /);
    const watch = await page.locator('#brief-watch + ul li').allTextContents();
    assert.ok(watch.length > 0 && watch.length <= 6);
    assert.ok(watch.every((t) => /would favour/.test(t)));

    // Each chart has its PNG from the server.
    for (const name of ['probabilities', 'timeline']) {
      const href = await page
        .locator(`#brief-${name}-caption a`, { hasText: 'Download PNG' })
        .getAttribute('href');
      const image = await server.fetch(`${href}`);
      assert.equal(image.status, 200, `${href}`);
      assert.equal(image.headers.get('content-type'), 'image/png');
    }
    await page.screenshot({ path: `${SCREENSHOTS}brief.png`, fullPage: true });
  });

  it('regenerates a past brief exactly as it was', async () => {
    const past = `${server.url}/questions/${question.id}/brief?since=${encodeURIComponent(lastBrief)}&as_of=${encodeURIComponent(between)}`;
    await page.goto(past);
    await page.waitForSelector('figure[data-chart-ready]');
    const moves = await page.locator('#brief-moves + ol li').allTextContents();
    assert.equal(moves.length, 1, 'only what was recorded by then');
    assert.match(moves[0] as string, /Attacks resume in Anbar/);
    assert.equal(
      await page.locator('#brief-indicators + p').textContent(),
      'None reported since then.',
    );
    const { hypotheses } = (await (
      await server.fetch(`/api/questions/${question.id}?as_of=${encodeURIComponent(between)}`)
    ).json()) as QuestionView;
    const cells = await page.locator('tbody tr td:first-of-type strong').allTextContents();
    const expected = hypotheses.map((h) => {
      const p = h.current.model;
      return `${(p * 100).toFixed(p < 0.1 || p > 0.9 ? 1 : 0)} %`;
    });
    assert.deepEqual(cells, expected);
  });

  it('prints on one page, A4 and Letter', async () => {
    await page.goto(
      `${server.url}/questions/${question.id}/brief?since=${encodeURIComponent(lastBrief)}`,
    );
    await page.waitForSelector('figure[data-chart-ready]');
    await page.emulateMedia({ media: 'print' });
    for (const format of ['A4', 'Letter'] as const) {
      const pdf = await page.pdf({ format, printBackground: true });
      assert.equal(pageCount(pdf), 1, `${format}: ${pageCount(pdf)} pages`);
    }
    await page.screenshot({ path: `${SCREENSHOTS}brief-print.png`, fullPage: true });
  });
});
