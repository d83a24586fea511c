import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { SYSTEM_ACTOR } from '../server/actor.js';
import { keyedId } from '../server/ids.js';
import { readDashboard } from '../server/services/dashboard.js';
import { readMatrix, readMatrixTop } from '../server/services/matrix.js';
import { readQuestion } from '../server/services/question-reads.js';
import { importScenarioFile } from '../server/services/scenario-files.js';
import { sortMatrixRows } from '../server/views/question/matrix-table.js';
import { testClient } from './support/api.js';
import { openTestDatabase, type TestDatabase } from './support/database.js';
import { DOCUMENTS, rowCounts, SAMPLE_PATH } from './support/fixtures.js';

const SAMPLE = keyedId('q', 'post-caliphate-sample');
const INSURGENCY = keyedId('h', 'post-caliphate-sample/insurgency-iraq-syria');
const IRAN = keyedId('h', 'post-caliphate-sample/iran-preferred-target');
const ARRESTS = keyedId('i', 'post-caliphate-sample/arrests-in-iran');

describe('pages and forms without JavaScript', () => {
  let t: TestDatabase;
  let api: ReturnType<typeof testClient>;
  /** The signed-in test user's id, who every write is attributed to. */
  let me: string;

  async function page(path: string) {
    const response = await api.app.request(path);
    return {
      status: response.status,
      type: response.headers.get('content-type'),
      html: await response.text(),
    };
  }

  async function submit(path: string, fields: Record<string, string>) {
    const response = await api.app.request(path, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(fields).toString(),
    });
    return {
      status: response.status,
      location: response.headers.get('location'),
      html: await response.text(),
    };
  }

  /** The text of a field's error, as rendered beside it. */
  const errorOf = (html: string, field: string) =>
    new RegExp(`id="f-${field.replace(/\./g, '\\.')}-error"[^>]*>([^<]*)<`).exec(html)?.[1];

  before(async () => {
    t = await openTestDatabase();
    await importScenarioFile(t.db, SYSTEM_ACTOR, SAMPLE_PATH, DOCUMENTS);
    api = testClient(t.db);
    me = (await api.user()).id;
  });
  after(async () => t.close());

  it('the dashboard lists every question with its hypotheses, numbers and words', async () => {
    const { status, type, html } = await page('/');
    assert.equal(status, 200);
    assert.match(type ?? '', /^text\/html/);
    const question = (await api.get(`/api/questions/${SAMPLE}`)).body;
    assert.ok(html.includes(question.title.replace(/'/g, '&#39;')));
    for (const h of question.hypotheses) {
      assert.ok(html.includes(`href="/hypotheses/${h.id}"`));
      assert.ok(html.includes(h.current.model_words));
    }
    assert.match((await page('/?tag=no-such-tag')).html, /No questions tagged “no-such-tag”/);
    const bad = await page('/?sort=sideways');
    assert.equal(bad.status, 400);
    assert.match(bad.html, /sort: /);
    // Nothing is fetched from elsewhere: every script and stylesheet is the app's own.
    assert.doesNotMatch(html, /<(script|link)[^>]+(src|href)="https?:/);
  });

  it('logs evidence from a posted form, then shows what moved and why', async () => {
    const before = await rowCounts(t.db);
    const res = await submit(`/questions/${SAMPLE}/evidence/new`, {
      title: 'Arrests of an ISIS cell in Tehran',
      occurred_on: '2018-06-01',
      'source.title': 'Agency report',
      reliability: 'B',
      credibility: '2',
      relevance: 'high',
      [`ratings.${IRAN}`]: 'CC',
      [`ratings.${INSURGENCY}`]: '',
      [`observations.${ARRESTS}`]: 'OBSERVED',
    });
    assert.equal(res.status, 303, res.html.slice(0, 500));
    const match = /^\/questions\/[^?]+\?logged=(ev_[a-z0-9]+)#moved$/.exec(res.location ?? '');
    assert.ok(match, res.location ?? '');
    const after = await rowCounts(t.db);
    assert.equal(after.evidence, (before.evidence ?? 0) + 1);
    assert.equal(after.indicator_observations, (before.indicator_observations ?? 0) + 1);
    const evidence = (await api.get(`/api/evidence/${match[1]}`)).body;
    assert.equal(evidence.ratings[IRAN].rating, 'CC');
    assert.equal(evidence.ratings[INSURGENCY], undefined, 'a blank rating is "not rated"');

    const shown = await page(res.location as string);
    assert.match(shown.html, /Logged: Arrests of an ISIS cell in Tehran/);
    const model = (await api.get(`/api/questions/${SAMPLE}`)).body.hypotheses.find(
      (h: { id: string }) => h.id === IRAN,
    ).current.model;
    assert.ok(
      shown.html.includes(`${(model * 100).toFixed(model < 0.1 || model > 0.9 ? 1 : 0)} %`),
    );
    assert.match(shown.html, /rated <span class="rating rating-CC">CC<\/span>/);
    assert.match(shown.html, /indicator “[^”]+” OBSERVED/);
  });

  it('renders a bad form again with each error beside its field, the input kept, nothing written', async () => {
    const before = await rowCounts(t.db);
    const res = await submit(`/questions/${SAMPLE}/evidence/new`, {
      title: 'Kept <title>',
      summary: 'kept summary',
      occurred_on: '2999-01-01',
      reliability: 'G',
      credibility: '7',
      [`ratings.${IRAN}`]: 'C',
      [`ratings.${IRAN}.likelihood_ratio`]: '0.5',
      'source.url': 'not a url',
    });
    assert.equal(res.status, 400);
    assert.equal(errorOf(res.html, 'occurred_on'), 'must not be in the future');
    assert.equal(errorOf(res.html, 'reliability'), 'must be a reliability letter, A to F');
    assert.equal(errorOf(res.html, 'credibility'), 'must be a credibility digit, 1 to 6');
    assert.equal(
      errorOf(res.html, `ratings.${IRAN}.likelihood_ratio`),
      'C (consistent) needs a ratio above 1',
    );
    assert.equal(errorOf(res.html, 'source.url'), 'must be a URL');
    assert.match(
      res.html,
      /id="f-title"[^>]*value="Kept &lt;title&gt;"|value="Kept &lt;title&gt;"[^>]*id="f-title"/,
    );
    assert.match(res.html, />kept summary<\/textarea>/);
    assert.match(res.html, /aria-invalid="true"/);
    assert.deepEqual(await rowCounts(t.db), before);
  });

  it('records a judgment from a form and names both bad fields when it is wrong', async () => {
    const bad = await submit(`/questions/${SAMPLE}/judgment`, {
      probability: '100',
      rationale: 'x',
    });
    assert.equal(bad.status, 400);
    assert.equal(errorOf(bad.html, 'hypothesis'), 'choose one of the question’s hypotheses');
    assert.equal(errorOf(bad.html, 'probability'), 'must be below 100 %');
    const ok = await submit(`/questions/${SAMPLE}/judgment`, {
      hypothesis: INSURGENCY,
      probability: '70',
      rationale: 'Attacks in the desert keep rising.',
    });
    assert.equal(ok.status, 303);
    assert.equal(ok.location, `/questions/${SAMPLE}?done=judgment#assessments`);
    const h = (await api.get(`/api/questions/${SAMPLE}`)).body.hypotheses.find(
      (x: { id: string }) => x.id === INSURGENCY,
    );
    assert.equal(h.current.analyst, 0.7);
    assert.match((await page(ok.location)).html, /Judgment recorded/);
    const single = await submit(`/hypotheses/${IRAN}/judgment`, {
      probability: '12.5',
      rationale: 'Few attacks.',
    });
    assert.equal(single.status, 303);
    const iran = (await api.get(`/api/questions/${SAMPLE}`)).body.hypotheses.find(
      (x: { id: string }) => x.id === IRAN,
    );
    assert.equal(iran.current.analyst, 0.125);
  });

  it('retracts evidence from a form; a blank reason or a second retraction is refused', async () => {
    const logged = (
      await api.post(`/api/questions/${SAMPLE}/evidence`, {
        title: 'A report later withdrawn',
        occurred_on: '2018-07-01',
        reliability: 'C',
        credibility: 3,
        ratings: { [IRAN]: 'C' },
      })
    ).body;
    const blank = await submit(`/evidence/${logged.id}/retract`, { reason: ' ' });
    assert.equal(blank.status, 400);
    assert.equal(errorOf(blank.html, 'reason'), 'is required');
    const ok = await submit(`/evidence/${logged.id}/retract`, {
      reason: 'The agency withdrew it.',
    });
    assert.equal(ok.status, 303);
    assert.equal(
      (await api.get(`/api/evidence/${logged.id}`)).body.retraction.reason,
      'The agency withdrew it.',
    );
    const again = await submit(`/evidence/${logged.id}/retract`, { reason: 'Again.' });
    assert.equal(again.status, 409);
    assert.match(again.html, /class="banner error"/);
    assert.match(
      (await page(ok.location as string)).html,
      new RegExp(`Retracted [^<]+ by ${me}: The agency withdrew it\\.`),
    );
  });

  it('creates a question, adds a hypothesis and an indicator, all from forms', async () => {
    const created = await submit('/questions/new', {
      title: 'Will the group hold a town by 2020?',
      kind: 'independent',
      tags: 'isis, towns',
    });
    assert.equal(created.status, 303);
    const id = /^\/questions\/(q_[a-z0-9]+)\?done=created$/.exec(
      created.location ?? '',
    )?.[1] as string;
    assert.ok(id, created.location ?? '');
    assert.deepEqual((await api.get(`/api/questions/${id}`)).body.tags, ['isis', 'towns']);
    const noPrior = await submit(`/questions/${id}/hypotheses/new`, {
      title: 'Holds a town',
      statement: 's',
      horizon: '2020-12-31',
      resolution_criteria: 'UN report',
      prior: '0',
    });
    assert.equal(noPrior.status, 400);
    assert.equal(errorOf(noPrior.html, 'prior'), 'must be above 0 %');
    const fields = {
      title: 'Holds a town',
      statement: 'It governs a town.',
      horizon: '2020-12-31',
      resolution_criteria: 'UN report',
      prior: '40',
    };
    const past = await submit(`/questions/${id}/hypotheses/new`, fields);
    assert.equal(past.status, 400);
    assert.match(errorOf(past.html, 'horizon') ?? '', /is in the past; give opened_at/);
    const hypothesis = await submit(`/questions/${id}/hypotheses/new`, {
      ...fields,
      opened_at: '2019-01-01',
    });
    assert.equal(hypothesis.status, 303, hypothesis.html.match(/field-error[^<]*</g)?.join());
    const hid = /^\/hypotheses\/(h_[a-z0-9]+)$/.exec(hypothesis.location ?? '')?.[1] as string;
    assert.equal((await api.get(`/api/questions/${id}`)).body.hypotheses[0].prior, 0.4);
    const missing = await submit(`/questions/${id}/indicators/new`, {
      title: 'Flag raised over a town',
    });
    assert.equal(missing.status, 400);
    assert.match(errorOf(missing.html, `expectations.${hid}`) ?? '', /missing/);
    const indicator = await submit(`/questions/${id}/indicators/new`, {
      title: 'Flag raised over a town',
      [`expectations.${hid}`]: 'HL',
    });
    assert.equal(indicator.status, 303);
    assert.equal(
      (await api.get(`/api/questions/${id}`)).body.indicators[0].expectations[hid],
      'HL',
    );
  });

  it('escapes every stored string and embeds chart data that cannot break out of its script', async () => {
    const payload = '</script><script>alert(1)</script><!--';
    await api.post(`/api/questions/${SAMPLE}/evidence`, {
      title: payload,
      summary: '<img src=x onerror=alert(2)>',
      occurred_on: '2018-08-01',
      reliability: 'A',
      credibility: 1,
      ratings: { [IRAN]: 'I' },
      source: { title: 'javascript link', url: 'javascript:alert(3)' },
    });
    const { html } = await page(`/questions/${SAMPLE}`);
    assert.ok(!html.includes('<script>alert(1)'));
    assert.ok(!html.includes('<img src=x'));
    assert.ok(html.includes('&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;&lt;!--'));
    assert.ok(!html.includes('href="javascript:'));
    const island =
      /<script type="application\/json" id="timeline-chart-data">([\s\S]*?)<\/script>/.exec(
        html,
      )?.[1];
    assert.ok(island && !island.includes('<'), 'the island holds no raw <');
    const data = JSON.parse(island);
    const labels = data.series.flatMap((s: { points: { label: string }[] }) =>
      s.points.map((p) => p.label),
    );
    assert.ok(labels.includes(`Evidence: ${payload} (rated I)`), labels.join(' | '));
  });

  it('the brief escapes what it lists, refuses a since after its as-of, and 404s an unknown question', async () => {
    const { status, html } = await page(`/questions/${SAMPLE}/brief?since=2000-01-01`);
    assert.equal(status, 200);
    // The earlier test logged an item titled with markup; the brief lists it among the moves.
    assert.ok(html.includes('&lt;/script&gt;&lt;script&gt;alert(1)'), 'listed, escaped');
    assert.ok(!html.includes('<script>alert(1)'));
    assert.match(html, /id="brief-probabilities-data"/);
    assert.match(html, new RegExp(`href="/api/questions/${SAMPLE}/charts/timeline" download`));
    const future = await page(`/questions/${SAMPLE}/brief?since=2999-01-01`);
    assert.equal(future.status, 400);
    assert.match(future.html, /<li>since: must not be after the time the brief is as of<\/li>/);
    assert.match(
      future.html,
      /<li>Evidence: Arrests of an ISIS cell in Tehran <span class="meta">\(valid 2018-06-01, recorded [\d-]+\)<\/span> — H2 30 % → 72 %<\/li>/,
      'only the hypotheses it moved',
    );
    assert.match(future.html, /<h1>Brief: /, 'the brief is still shown, for the last 30 days');
    assert.equal((await page('/questions/q_aaaaaaaaaaaaaaaa/brief')).status, 404);
  });

  it('answers as of a past time, reports bad parameters, and 404s unknown ids as pages', async () => {
    // A millisecond after the question was recorded (PostgreSQL keeps microseconds).
    const recorded = (await api.get(`/api/questions/${SAMPLE}`)).body.recorded_at as string;
    const before = new Date(Date.parse(recorded) + 1).toISOString();
    const past = await page(`/questions/${SAMPLE}?as_of=${encodeURIComponent(before)}`);
    assert.equal(past.status, 200);
    assert.match(past.html, /As recorded by/);
    assert.ok(!past.html.includes('Arrests of an ISIS cell in Tehran'));
    assert.ok(!past.html.includes('Log evidence'));
    const hypothesisPast = await page(`/hypotheses/${IRAN}?as_of=${encodeURIComponent(before)}`);
    assert.match(hypothesisPast.html, /no judgment/);
    const bad = await page(`/questions/${SAMPLE}?as_of=yesterday&reliability=Z`);
    assert.equal(bad.status, 400);
    assert.match(bad.html, /as_of: must be a date/);
    assert.match(bad.html, /reliability: must be letters A to F/);
    const missing = await page('/questions/q_doesnotexist0000');
    assert.equal(missing.status, 404);
    assert.match(missing.type ?? '', /^text\/html/);
    assert.match(missing.html, /no question with id q_doesnotexist0000/);
  });

  it('the page reads only the matrix rows it shows, with the figures of the full matrix', async () => {
    const full = await readMatrix(t.db, SAMPLE);
    const question = await readQuestion(t.db, SAMPLE);
    for (const [sort, order] of [
      ['order', 'valid_time'],
      ['date', 'newest'],
      ['grade', 'grade'],
    ] as const) {
      const top = await readMatrixTop(t.db, question, { order, limit: 2 });
      assert.equal(top.standing_rows, full.standing_rows);
      assert.equal(top.retracted_excluded, full.retracted_excluded);
      assert.deepEqual(top.top, full.top);
      for (const [i, h] of top.hypotheses.entries()) {
        const other = full.hypotheses[i] as (typeof full.hypotheses)[number];
        assert.equal(h.rank, other.rank);
        assert.ok(Math.abs(h.weighted_inconsistency - other.weighted_inconsistency) < 1e-9);
        assert.equal(h.model, other.model);
      }
      const expected = sortMatrixRows(full.rows, sort).slice(0, 2);
      assert.deepEqual(
        top.rows.map((r) => r.evidence_id),
        expected.map((r) => r.evidence_id),
        sort,
      );
      for (const [i, row] of top.rows.entries()) {
        const other = expected[i] as (typeof expected)[number];
        assert.deepEqual(row.ratings, other.ratings);
        assert.equal(row.sensitivity.changes_top, other.sensitivity.changes_top);
        for (const [id, shift] of Object.entries(row.sensitivity.model_shift))
          assert.ok(Math.abs(shift - (other.sensitivity.model_shift[id] as number)) < 1e-9);
      }
    }
  });

  it('the dashboard’s 30-day change is the model now minus the model standing 30 days before', async () => {
    const today = new Date().toISOString().slice(0, 10);
    const logged = await api.post(`/api/questions/${SAMPLE}/evidence`, {
      title: 'Claimed attack in Zahedan today',
      occurred_on: today,
      reliability: 'A',
      credibility: 1,
      ratings: { [IRAN]: 'CC' },
    });
    assert.equal(logged.status, 201);
    const data = await readDashboard(t.db, { sort: 'move' });
    const since = Date.now() - 30 * 86_400_000;
    const model = (await api.get(`/api/hypotheses/${IRAN}/timeline`)).body.points.filter(
      (p: { series: string }) => p.series === 'model',
    );
    const then = model.filter((p: { valid_at: string }) => Date.parse(p.valid_at) <= since).at(-1);
    const now = (await api.get(`/api/questions/${SAMPLE}`)).body.hypotheses.find(
      (h: { id: string }) => h.id === IRAN,
    ).current.model;
    const change = data.trends.get(IRAN)?.model as number;
    assert.ok(change > 0.01, `${change}`);
    assert.ok(Math.abs(change - (now - then.probability)) < 1e-12);
    assert.equal(data.questions[0]?.id, SAMPLE, 'the question that moved comes first');
    const spark = data.trends.get(IRAN)?.spark ?? [];
    assert.equal(spark.at(-1)?.y, now);
  });

  it('the hypothesis page shows the citations with quotes and every ledger line', async () => {
    const { html } = await page(`/hypotheses/${IRAN}`);
    const timeline = (await api.get(`/api/hypotheses/${IRAN}/timeline`)).body;
    const steps = timeline.points.filter(
      (p: { series: string; ledger: unknown }) => p.series === 'model' && p.ledger,
    );
    const ledger =
      /aria-label="Update ledger"[\s\S]*?<tbody>([\s\S]*?)<\/tbody>/.exec(html)?.[1] ?? '';
    assert.equal((ledger.match(/<tr>/g) ?? []).length, steps.length);
    const question = (await api.get(`/api/questions/${SAMPLE}`)).body;
    const citation = question.hypotheses.find((h: { id: string }) => h.id === IRAN).citations[0];
    assert.ok(html.includes(citation.quote.replace(/'/g, '&#39;').replace(/"/g, '&quot;')));
  });

  it('resolves from a posted form, then shows the post-mortem and the review with the note escaped', async () => {
    const counts = await rowCounts(t.db);
    const res = await submit(`/hypotheses/${IRAN}/resolution`, {
      outcome: 'false',
      resolved_at: '2019-12-31',
      note: 'No campaign <script>alert(1)</script> materialised',
    });
    assert.equal(res.status, 303, res.html.slice(0, 500));
    assert.equal(res.location, `/review/hypotheses/${IRAN}?done=resolution`);
    assert.equal((await rowCounts(t.db)).resolutions, (counts.resolutions ?? 0) + 1);
    const postMortem = await page(res.location as string);
    assert.equal(postMortem.status, 200);
    assert.match(postMortem.html, /Resolution recorded\./);
    assert.ok(postMortem.html.includes('No campaign &lt;script&gt;alert(1)&lt;/script&gt;'));
    assert.doesNotMatch(postMortem.html, /<script>alert/);
    assert.match(postMortem.html, /Scored forecasts/);

    const again = await submit(`/hypotheses/${IRAN}/resolution`, {
      outcome: 'true',
      resolved_at: '2019-12-31',
      note: 'Second thoughts',
    });
    assert.equal(again.status, 409);
    assert.match(errorOf(again.html, 'supersede_reason') ?? '', /is required/);
    assert.equal((await rowCounts(t.db)).resolutions, (counts.resolutions ?? 0) + 1);

    const review = await page('/review');
    assert.equal(review.status, 200);
    assert.ok(review.html.includes(`href="/review/hypotheses/${IRAN}"`));
    const scores = (await api.get('/api/scores?forecaster=model')).body;
    assert.ok(review.html.includes(scores.forecasters[0].brier.toFixed(3)));
  });

  it('reports an unknown review filter and still shows the scores without it', async () => {
    const res = await page('/review?forecaster=analyst:nobody&horizon=soon');
    assert.equal(res.status, 400);
    assert.match(res.html, /no forecaster analyst:nobody/);
    assert.match(res.html, /horizon: must be a number of days/);
    assert.match(res.html, /Scores by forecaster/);
  });

  it('serves the bundled script and stylesheet with content-hashed URLs', async () => {
    const { html } = await page('/');
    const js = /<script type="module" src="(\/assets\/app\.js\?v=[0-9a-f]{12})"/.exec(html)?.[1];
    assert.ok(js, 'the page loads the bundle');
    const response = await api.app.request(js);
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('cache-control'), 'public, max-age=31536000, immutable');
    assert.equal(
      await response.text(),
      readFileSync(new URL('../web/dist/app.js', import.meta.url), 'utf8'),
    );
    assert.equal((await api.app.request('/assets/other.js')).status, 404);
  });
});
