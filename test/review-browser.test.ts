import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import type { QuestionView } from '../server/schemas/views.js';
import { readQuestions } from '../server/services/question-reads.js';
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

/** A chart's dataset labels, read from the chart.js instance on its canvas. */
function datasetLabels(page: Page, canvas: string) {
  return page.$eval(canvas, (c) =>
    (
      c as unknown as { chart: { data: { datasets: { label: string }[] } } }
    ).chart.data.datasets.map((d) => d.label),
  );
}

describe('the retrospective review in a real browser', { skip }, () => {
  let db: TestDatabase;
  let server: TestServer;
  let browser: Browser;
  let page: Page;
  let question: QuestionView;

  before(async () => {
    ({ db, server } = await serveBuiltInScenarios());
    question = (await readQuestions(db.db, {})).find((q) => q.kind === 'exclusive') as QuestionView;
    const [iraq, libya] = question.hypotheses;
    // One item toward Iraq/Syria and one toward Libya, before the outcome.
    for (const [title, ratings] of [
      ['Attacks resume in Anbar', { [iraq?.id as string]: 'CC', [libya?.id as string]: 'I' }],
      ['Leaders reported in Sirte', { [iraq?.id as string]: 'I', [libya?.id as string]: 'CC' }],
    ] as const) {
      await postCreated(server, `/api/questions/${question.id}/evidence`, {
        title,
        occurred_on: '2018-03-01',
        source: { title: 'Wire' },
        reliability: 'B',
        credibility: 2,
        ratings,
      });
    }
    browser = await launchBrowser();
    page = await signedInPage(browser, server, { viewport: { width: 1280, height: 900 } });
    page.on('pageerror', (error) => assert.fail(`a page script failed: ${error.message}`));
  });

  after(async () => {
    await browser?.close();
    await server?.close();
    await db?.close();
  });

  it('refuses a bad resolution beside its fields, keeping the input', async () => {
    const iraq = question.hypotheses[0] as QuestionView['hypotheses'][number];
    await page.goto(`${server.url}/hypotheses/${iraq.id}`);
    await page.getByRole('link', { name: 'Resolve', exact: true }).click();
    await page.locator('#f-outcome').selectOption('true');
    await page.getByLabel('Outcome known on').fill('2010-01-01');
    await page.getByRole('button', { name: 'Resolve' }).click();
    assert.match(await page.locator('#f-note-error').innerText(), /required/);
    await page.getByLabel('How it was established').fill('Too early');
    await page.getByRole('button', { name: 'Resolve' }).click();
    assert.match(
      await page.locator('#f-resolved_at-error').innerText(),
      /before the hypothesis opened/,
    );
    assert.equal(await page.locator('#f-outcome').inputValue(), 'true');
  });

  it('resolves the set through the form and opens the post-mortem', async () => {
    await page.getByLabel('Outcome known on').fill('2019-12-31');
    await page
      .getByLabel('How it was established')
      .fill('The group remained an insurgency in Iraq and Syria.');
    await page.getByRole('button', { name: 'Resolve' }).click();
    await page.waitForURL(/\/review\/hypotheses\/.*done=resolution/);
    assert.equal(await page.getByRole('status').first().innerText(), 'Resolution recorded.');
    await page.waitForSelector('figure[data-chart-ready]');
    const labels = await datasetLabels(page, '#timeline-chart');
    assert.ok(labels.includes('Resolved true, 2019-12-31'), `outcome marked: ${labels}`);
    const scored = await page
      .locator('section[aria-label="Scored forecasts"] tr', { hasText: 'Model' })
      .innerText();
    assert.match(scored, /\d+(\.\d)? %/);
    const toward = await page
      .locator('section[aria-label="Evidence toward the truth"]')
      .innerText();
    assert.match(toward, /Attacks resume in Anbar[\s\S]*\+\d+\.\d pts/);
    const away = await page
      .locator('section[aria-label="Evidence away from the truth"]')
      .innerText();
    assert.match(away, /Leaders reported in Sirte[\s\S]*−\d+\.\d pts/);
    await page.screenshot({ path: `${SCREENSHOTS}post-mortem.png`, fullPage: true });
  });

  it('shows the scores, the calibration and Brier charts, and the sources’ track records', async () => {
    await page.goto(`${server.url}/review`);
    assert.equal(await page.title(), 'Review · Signpost');
    const model = await page
      .locator('section[aria-label="Scores by forecaster"] tr', { hasText: 'Model (signpost-v1)' })
      .innerText();
    const api = (await (await server.fetch(`/api/scores?forecaster=model`)).json()) as {
      forecasters: { n: number; brier: number }[];
    };
    const [model0] = api.forecasters;
    assert.equal(model0?.n, 5);
    const brier = model0?.brier as number;
    assert.ok(
      model.includes(brier.toFixed(3)),
      `the page shows the API's Brier ${brier}: ${model}`,
    );
    await page.waitForSelector('#calibration-chart');
    const calibration = await datasetLabels(page, '#calibration-chart');
    assert.equal(calibration[0], 'Perfect calibration');
    assert.ok(calibration.includes('Model (signpost-v1)'));
    const brierLabels = await datasetLabels(page, '#brier-chart');
    assert.ok(brierLabels.includes('Model (signpost-v1)'));
    const bins = await page
      .locator('section[aria-label="Calibration bins"] tr', { hasText: 'Model' })
      .count();
    assert.ok(bins >= 1);
    await page.screenshot({ path: `${SCREENSHOTS}review.png`, fullPage: true });

    await page.getByRole('link', { name: /Cited sources. track records/ }).click();
    await page.waitForURL(/forecaster=sources/);
    const rows = await page
      .locator('section[aria-label="Scores by forecaster"] tbody tr')
      .allInnerTexts();
    assert.ok(rows.length > 0);
    assert.ok(
      rows.every((r) => r.includes('source')),
      rows.join('\n'),
    );

    const csv = await page.request.get(
      `${server.url}/api/scores/forecasts?format=csv&forecaster=model`,
    );
    const lines = (await csv.text()).trim().split('\r\n');
    assert.equal(lines.length, 6, 'a header and the five hypotheses of the set');
  });

  it('fits a phone without sideways scrolling', async () => {
    await page.setViewportSize({ width: 390, height: 800 });
    await page.goto(`${server.url}/review`);
    const overflow = await page.evaluate(() => {
      const { document, innerWidth } = globalThis as any;
      return document.documentElement.scrollWidth - innerWidth;
    });
    assert.ok(overflow <= 0, `the page scrolls sideways by ${overflow}px`);
  });
});
