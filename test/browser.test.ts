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

/** The text of a hypothesis's row in the assessments table: "45 % roughly even chance …". */
async function assessmentRow(page: Page, title: string) {
  return page.locator('#assessments + .table-wrap tr', { hasText: title }).innerText();
}

describe('the workspace in a real browser', { skip }, () => {
  let db: TestDatabase;
  let server: TestServer;
  let browser: Browser;
  let page: Page;
  let question: QuestionView;
  let beforeWrites: string;

  before(async () => {
    ({ db, server } = await serveBuiltInScenarios());
    const questions = await readQuestions(db.db, {});
    question = questions.find(
      (q) => q.kind === 'exclusive' && q.indicators.length > 0,
    ) as QuestionView;
    assert.ok(question, 'the built-in set has an exclusive question with indicators');
    browser = await launchBrowser();
    page = await signedInPage(browser, server, { viewport: { width: 1280, height: 900 } });
    page.on('pageerror', (error) => assert.fail(`a page script failed: ${error.message}`));
    // The as-of picker takes whole seconds: the next one, after the set-up and before anything
    // the test writes.
    const second = Math.ceil(Date.now() / 1000) * 1000;
    beforeWrites = new Date(second).toISOString().slice(0, 19);
    await new Promise((resolve) => setTimeout(resolve, second - Date.now() + 50));
  });

  after(async () => {
    await browser?.close();
    await server?.close();
    await db?.close();
  });

  it('opens the dashboard with every question, its probabilities and sparklines', async () => {
    await page.goto(`${server.url}/`);
    assert.equal(await page.title(), 'Dashboard · Signpost');
    const cards = page.locator('.question-card');
    assert.equal(await cards.count(), (await readQuestions(db.db, {})).length);
    const card = page.locator('.question-card', { hasText: question.title });
    const first = question.hypotheses[0] as QuestionView['hypotheses'][number];
    assert.match(await card.locator('tr', { hasText: first.title }).innerText(), /\d+(\.\d)? %/);
    assert.ok((await card.locator('svg.sparkline path').count()) >= question.hypotheses.length);
    await page.screenshot({ path: `${SCREENSHOTS}dashboard-1280.png`, fullPage: true });
  });

  it('logs evidence through the form, shows what moved, moves the probability and adds a marker', async () => {
    const [h1, h2] = question.hypotheses as [
      QuestionView['hypotheses'][number],
      QuestionView['hypotheses'][number],
    ];
    await page.goto(`${server.url}/questions/${question.id}`);
    await page.waitForSelector('figure[data-chart-ready]');
    const rowBefore = await assessmentRow(page, h1.title);
    await page.screenshot({ path: `${SCREENSHOTS}question-1280.png`, fullPage: true });

    await page.getByRole('link', { name: 'Log evidence' }).click();
    await page
      .getByLabel('What happened')
      .fill('Fighters regroup in the desert around Deir ez-Zor');
    await page.getByLabel('Happened on').fill('2019-03-01');
    await page.getByLabel('Source reliability').selectOption('B');
    await page.getByLabel('Information credibility').selectOption('2');
    await page.locator(`select[name="ratings.${h1.id}"]`).selectOption('CC');
    await page.locator(`select[name="ratings.${h2.id}"]`).selectOption('I');
    await page.screenshot({ path: `${SCREENSHOTS}log-evidence-form.png`, fullPage: true });
    await page.getByRole('button', { name: 'Log evidence' }).click();

    await page.waitForURL(/logged=ev_/);
    const moved = page.locator('#moved');
    assert.match(await moved.innerText(), /Logged: Fighters regroup/);
    assert.match(await moved.locator('tr', { hasText: h1.title }).innerText(), /rated\s+CC/);
    const rowAfter = await assessmentRow(page, h1.title);
    assert.notEqual(rowAfter, rowBefore, 'the model probability changed');
    const [modelBefore, modelAfter] = [rowBefore, rowAfter].map((r) =>
      Number(/(\d+(?:\.\d)?) %/.exec(r.split('\t')[3] ?? '')?.[1]),
    );
    assert.ok((modelAfter as number) > (modelBefore as number), `${modelBefore} → ${modelAfter}`);

    // The chart carries a marker for the new evidence, and hovering it shows what it was.
    await page.waitForSelector('figure[data-chart-ready]');
    const tooltip = await page.evaluate((title) => {
      const { document } = globalThis as any;
      const canvas = document.querySelector('#timeline-chart');
      const chart = canvas.chart;
      canvas.scrollIntoView({ block: 'center' });
      for (const [i, dataset] of chart.data.datasets.entries()) {
        const j = dataset.data.findIndex(
          (p: any) => p.kind === 'evidence' && p.label.includes(title),
        );
        if (j < 0) continue;
        const element = chart.getDatasetMeta(i).data[j];
        const rect = canvas.getBoundingClientRect();
        return { x: rect.left + element.x, y: rect.top + element.y, dataset: i, index: j };
      }
      return undefined;
    }, 'Fighters regroup');
    assert.ok(tooltip, 'an evidence marker for the new item is drawn');
    await page.mouse.move(tooltip.x, tooltip.y);
    const active = await page.evaluate(() => {
      const { document } = globalThis as any;
      const chart = document.querySelector('#timeline-chart').chart;
      return chart.tooltip
        .getActiveElements()
        .map((e: any) => chart.data.datasets[e.datasetIndex].data[e.index].label);
    });
    assert.ok(
      active.some((label: string) => label.includes('Fighters regroup')),
      JSON.stringify(active),
    );
    await page.screenshot({ path: `${SCREENSHOTS}question-after-evidence.png`, fullPage: true });
  });

  it('records a judgment with the words shown live', async () => {
    await page.goto(`${server.url}/questions/${question.id}/judgment`);
    const open = question.hypotheses.filter((h) => h.status === 'open');
    const shares = open.map((_, i) => (i === 0 ? 100 - 5 * (open.length - 1) : 5));
    for (const [i, h] of open.entries()) {
      await page.locator(`input[name="probabilities.${h.id}"]`).fill(String(shares[i]));
    }
    const first = open[0] as QuestionView['hypotheses'][number];
    const words = page.locator(`output[for="f-probabilities.${first.id}"]`);
    assert.equal(await words.innerText(), (shares[0] as number) > 80 ? 'very likely' : 'likely');
    assert.equal(await page.locator('output[data-sum-of]').innerText(), '100 %');
    await page.getByLabel('Rationale').fill('The desert regrouping fits the insurgency path.');
    await page.screenshot({ path: `${SCREENSHOTS}judgment-form.png`, fullPage: true });
    await page.getByRole('button', { name: 'Record judgment' }).click();
    await page.waitForURL(/done=judgment/);
    assert.match(await page.locator('[role="status"]').first().innerText(), /Judgment recorded/);
    assert.match(await assessmentRow(page, first.title), new RegExp(`${shares[0]} %`));
  });

  it('shows the page as it stood before, with the as-of picker', async () => {
    await page.goto(`${server.url}/questions/${question.id}`);
    await page.locator('input[name="as_of"]').fill(beforeWrites);
    await page.getByRole('button', { name: 'Show as of' }).click();
    await page.waitForURL(/as_of=/);
    assert.match(await page.locator('.banner.past').innerText(), /As recorded by/);
    assert.equal(
      await page.locator('#evidence ~ .table-wrap', { hasText: 'Fighters regroup' }).count(),
      0,
    );
    const first = question.hypotheses[0] as QuestionView['hypotheses'][number];
    const row = await assessmentRow(page, first.title);
    assert.match(row, /no judgment/);
    assert.equal(
      await page.getByRole('link', { name: 'Log evidence' }).count(),
      0,
      'no forms in the past',
    );
    await page.screenshot({ path: `${SCREENSHOTS}question-as-of.png`, fullPage: true });
  });

  it('keeps a bad form’s input and names each bad field beside it', async () => {
    await page.goto(`${server.url}/questions/${question.id}/evidence/new`);
    await page.getByLabel('Summary').fill('kept after the error');
    await page.getByLabel('Happened on').fill('2099-01-01');
    await page.getByRole('button', { name: 'Log evidence' }).click();
    await page.waitForSelector('.field-error');
    assert.match(
      await page.locator('#f-occurred_on-error').innerText(),
      /must not be in the future/,
    );
    assert.match(await page.locator('#f-title-error').innerText(), /^is required$/);
    assert.equal(await page.locator('#f-occurred_on').getAttribute('aria-invalid'), 'true');
    assert.equal(await page.getByLabel('Summary').inputValue(), 'kept after the error');
    assert.equal(await page.getByLabel('Happened on').inputValue(), '2099-01-01');
    await page.screenshot({ path: `${SCREENSHOTS}log-evidence-errors.png`, fullPage: true });
  });

  it('renders a stored script as text and keeps the chart data intact', async () => {
    const payload =
      '</script><script>window.__xss = 1</script><img src=x onerror="window.__xss = 2">';
    await postCreated(server, `/api/questions/${question.id}/evidence`, {
      title: payload,
      occurred_on: '2019-03-02',
      reliability: 'C',
      credibility: 3,
      ratings: { [(question.hypotheses[0] as { id: string }).id]: 'C' },
      source: { title: 'x', url: 'javascript:alert(1)' },
    });
    await page.goto(`${server.url}/questions/${question.id}`);
    await page.waitForSelector('figure[data-chart-ready]');
    assert.equal(await page.evaluate(() => (globalThis as any).__xss), undefined);
    assert.ok((await page.locator('#evidence ~ .table-wrap').innerText()).includes(payload));
    assert.equal(await page.locator('a[href^="javascript:"]').count(), 0);
  });

  it('reads on a 390 px phone and in print', async () => {
    const phone = await signedInPage(browser, server, {
      viewport: { width: 390, height: 844 },
      deviceScaleFactor: 2,
    });
    await phone.goto(`${server.url}/`);
    const overflow = await phone.evaluate(() => {
      const { document, innerWidth } = globalThis as any;
      return document.documentElement.scrollWidth - innerWidth;
    });
    assert.ok(overflow <= 0, `the dashboard scrolls sideways by ${overflow} px`);
    await phone.screenshot({ path: `${SCREENSHOTS}dashboard-390.png`, fullPage: true });
    await phone.goto(`${server.url}/questions/${question.id}`);
    await phone.waitForSelector('figure[data-chart-ready]');
    const pageOverflow = await phone.evaluate(() => {
      const { document, innerWidth } = globalThis as any;
      return document.documentElement.scrollWidth - innerWidth;
    });
    assert.ok(pageOverflow <= 0, `the question page scrolls sideways by ${pageOverflow} px`);
    await phone.screenshot({ path: `${SCREENSHOTS}question-390.png`, fullPage: true });
    await phone.goto(`${server.url}/hypotheses/${(question.hypotheses[0] as { id: string }).id}`);
    await phone.screenshot({ path: `${SCREENSHOTS}hypothesis-390.png`, fullPage: true });
    await phone.close();
    await page.goto(`${server.url}/hypotheses/${(question.hypotheses[0] as { id: string }).id}`);
    await page.waitForSelector('figure[data-chart-ready]');
    await page.screenshot({ path: `${SCREENSHOTS}hypothesis-1280.png`, fullPage: true });
    await page.emulateMedia({ media: 'print' });
    await page.goto(`${server.url}/questions/${question.id}`);
    assert.equal(
      await page.locator('form.toolbar').first().isVisible(),
      false,
      'no forms in print',
    );
    await page.screenshot({ path: `${SCREENSHOTS}question-print.png`, fullPage: true });
    await page.emulateMedia({ media: 'screen' });
  });
});
