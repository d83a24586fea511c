import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { ResolvedSchema } from '../server/schemas/resolutions.js';
import { ForecastScoresSchema, ScoreReportSchema } from '../server/schemas/scores.js';
import type { QuestionView } from '../server/schemas/views.js';
import { testClient } from './support/api.js';
import { openTestDatabase, type TestDatabase } from './support/database.js';
import { loadBuiltInExclusive, rowCounts } from './support/fixtures.js';

/**
 * Resolutions and scores through the API, with hand-computed numbers (METHODS §6): a small
 * question whose analyst forecasts are vector S1, a backdated resolution that leaves a later
 * forecast out, an annulled hypothesis, the built-in exclusive set resolved in one write, and
 * the cited authors scored like any forecaster.
 */

const _ROOT = new URL('..', import.meta.url).pathname;
const close = (actual: number | null | undefined, expected: number, what = '', eps = 1e-9) =>
  assert.ok(
    typeof actual === 'number' && Math.abs(actual - expected) < eps,
    `${what} ${actual} is not ${expected}`,
  );

type Report = ReturnType<typeof ScoreReportSchema.parse>;
const forecasterOf = (report: Report, id: string) => {
  const found = report.forecasters.find((f) => f.forecaster === id);
  assert.ok(found, `no row for ${id}`);
  return found;
};

describe('resolutions and scores', () => {
  let t: TestDatabase;
  let api: ReturnType<typeof testClient>;
  /** The signed-in test user's id, who every write is attributed to. */
  let me: string;
  let exclusive: QuestionView;
  let q: string;
  /** The S1 hypotheses: analyst forecasts 0.9, 0.7, 0.2, 0.6; outcomes true, false, false, true. */
  const s1: string[] = [];
  let late: string;
  let annulled: string;
  let beforeResolutions: string;

  const resolve = (id: string, body: Record<string, unknown>) =>
    api.post(`/api/hypotheses/${id}/resolution`, { note: 'Settled by reporting', ...body });
  const scores = async (query = '') => {
    const res = await api.get(`/api/scores${query}`);
    assert.equal(res.status, 200, JSON.stringify(res.body));
    return ScoreReportSchema.parse(res.body);
  };

  before(async () => {
    t = await openTestDatabase();
    api = testClient(t.db);
    me = (await api.user()).id;
    exclusive = await loadBuiltInExclusive(t.db);
    const created = await api.post('/api/questions', {
      title: 'Scoring check',
      kind: 'independent',
      tags: ['scoring-check'],
    });
    q = created.body.id;
    const add = async (title: string) => {
      const res = await api.post(`/api/questions/${q}/hypotheses`, {
        title,
        statement: `${title} by mid-2018.`,
        horizon: '2018-12-31',
        resolution_criteria: 'Reporting',
        prior: 0.5,
        opened_at: '2018-01-01',
      });
      assert.equal(res.status, 201, JSON.stringify(res.body));
      return res.body.id as string;
    };
    for (const [i, p] of [0.9, 0.7, 0.2, 0.6].entries()) {
      const id = await add(`S1 case ${i + 1}`);
      s1.push(id);
      // Ten days after opening: the prior 0.5 stands for the first ten days of twenty.
      const judged = await api.post(`/api/hypotheses/${id}/assessments`, {
        probability: p,
        rationale: 'Reading of the reporting',
        effective_at: '2018-01-11',
      });
      assert.equal(judged.status, 201);
    }
    late = await add('Judged after the outcome');
    for (const [p, at] of [
      [0.3, '2018-01-11'],
      [0.95, '2018-03-01'],
    ] as const) {
      await api.post(`/api/hypotheses/${late}/assessments`, {
        probability: p,
        rationale: 'r',
        effective_at: at,
      });
    }
    annulled = await add('Overtaken by events');
    await sleep(5);
    beforeResolutions = new Date().toISOString();
    await sleep(5);
  });

  after(async () => {
    await t?.close();
  });

  it('resolves a hypothesis, and refuses to re-resolve it without a reason', async () => {
    const res = await resolve(s1[0] as string, { outcome: 'true', resolved_at: '2018-01-21' });
    assert.equal(res.status, 201, JSON.stringify(res.body));
    const resolved = ResolvedSchema.parse(res.body);
    assert.equal(resolved.outcome, 'true');
    assert.equal(resolved.resolved_at, '2018-01-21T00:00:00.000Z');
    assert.deepEqual(resolved.implied, [], 'an independent question resolves one at a time');

    const counts = await rowCounts(t.db);
    const again = await resolve(s1[0] as string, { outcome: 'false', resolved_at: '2018-01-21' });
    assert.equal(again.status, 409);
    assert.equal(again.contentType, 'application/problem+json');
    assert.equal(again.body.errors[0].path, 'body.supersede_reason');
    assert.match(again.body.errors[0].message, /already resolved \(true on 2018-01-21\)/);
    assert.deepEqual(await rowCounts(t.db), counts, 'nothing written');
  });

  it('refuses bad resolutions with the field and the reason, writing nothing', async () => {
    const counts = await rowCounts(t.db);
    const id = s1[1] as string;
    const cases: [Record<string, unknown>, number, string, RegExp][] = [
      [
        { outcome: 'false', resolved_at: '2017-12-31' },
        400,
        'body.resolved_at',
        /before the hypothesis opened \(2018-01-01\)/,
      ],
      [{ outcome: 'false', resolved_at: '2999-01-01' }, 400, 'body.resolved_at', /future/],
      [
        { outcome: 'maybe', resolved_at: '2018-02-01' },
        400,
        'body.outcome',
        /true, false, annulled/,
      ],
      [{ outcome: 'false', resolved_at: '2018-02-01', note: '' }, 400, 'body.note', /empty/],
      [
        { outcome: 'false', resolved_at: '2018-02-01', supersede_reason: 'x' },
        400,
        'body.supersede_reason',
        /only for re-resolving/,
      ],
      [
        { outcome: 'false', resolved_at: '2018-02-01', evidence_id: 'ev_aaaaaaaaaaaaaaaa' },
        400,
        'body.evidence_id',
        /not an evidence item/,
      ],
    ];
    for (const [body, status, path, message] of cases) {
      const res = await resolve(id, body);
      assert.equal(res.status, status, JSON.stringify(body));
      const problem = res.body.errors.find((e: { path: string }) => e.path === path);
      assert.ok(problem, `${path} named for ${JSON.stringify(body)}: ${JSON.stringify(res.body)}`);
      assert.match(problem.message, message);
    }
    const missing = await resolve('h_aaaaaaaaaaaaaaaa', {
      outcome: 'true',
      resolved_at: '2018-02-01',
    });
    assert.equal(missing.status, 404);
    assert.deepEqual(await rowCounts(t.db), counts, 'nothing written');
  });

  it('scores the S1 forecasts exactly: Brier 0.175, log −0.510826, time-averaged, skill', async () => {
    await resolve(s1[1] as string, { outcome: 'false', resolved_at: '2018-01-21' });
    await resolve(s1[2] as string, { outcome: 'false', resolved_at: '2018-01-21' });
    await resolve(s1[3] as string, { outcome: 'true', resolved_at: '2018-01-21' });
    const report = await scores(`?question=${q}&forecaster=analysts,model`);
    const analyst = forecasterOf(report, `analyst:${me}`);
    assert.equal(analyst.n, 4);
    close(analyst.brier, 0.175, 'Brier');
    close(analyst.log, -0.510826, 'log', 1e-6);
    // Prior 0.5 for ten days, the judgment for ten: ((0.25 + (p − o)²) / 2) averaged.
    close(analyst.time_averaged_brier, (0.25 + 0.175) / 2, 'time-averaged');
    close(analyst.skill.value, 1 - 0.175 / 0.25, 'skill against 0.5');
    assert.equal(report.reference.label, 'constant 0.5');
    assert.deepEqual(
      analyst.calibration.map((b) => b.count),
      [0, 1, 0, 0, 0, 1, 1, 0, 1, 0],
    );
    close(analyst.decomposition?.brier, 0.175);
    assert.ok(Math.abs(analyst.decomposition?.residual ?? 1) < 1e-12);
    assert.deepEqual(
      analyst.horizons.map((h) => [h.days, h.n]),
      [
        [365, 0],
        [180, 0],
        [90, 0],
        [30, 0],
      ],
      'twenty days from opening to resolution: no fixed horizon stood',
    );
    const model = forecasterOf(report, 'model');
    close(model.brier, 0.25, 'the model never moved from 0.5');
    assert.ok(report.conventions.brier && report.conventions.decomposition);
    assert.equal(report.method, 'signpost-v1');

    const againstModel = await scores(`?question=${q}&forecaster=analysts&reference=model`);
    close(forecasterOf(againstModel, `analyst:${me}`).skill.value, 0.3);
    const horizon = await scores(`?question=${q}&forecaster=analysts&horizon=15`);
    close(forecasterOf(horizon, `analyst:${me}`).brier, 0.25, 'fifteen days before: the prior');
  });

  it('leaves out a forecast made after a backdated resolution, and annulled hypotheses', async () => {
    await resolve(late, { outcome: 'true', resolved_at: '2018-02-01' });
    await resolve(annulled, { outcome: 'annulled', resolved_at: '2018-02-01' });
    const again = await resolve(annulled, { outcome: 'true', resolved_at: '2018-02-01' });
    assert.equal(again.status, 409, 'an annulled hypothesis is resolved too: it takes a reason');
    assert.match(again.body.errors[0].message, /already resolved \(annulled on 2018-02-01\)/);
    const report = await scores(`?question=${q}&forecaster=analysts`);
    assert.equal(report.hypotheses.length, 6);
    assert.equal(report.hypotheses.find((h) => h.hypothesis_id === annulled)?.outcome, 'annulled');
    const res = await api.get(`/api/scores/forecasts?question=${q}&forecaster=analysts`);
    const { forecasts } = ForecastScoresSchema.parse(res.body);
    assert.equal(
      forecasts.length,
      5,
      'four S1 cases and the late one; the annulled one is not scored',
    );
    const lateRow = forecasts.find((f) => f.hypothesis_id === late);
    assert.equal(lateRow?.probability, 0.3, 'the 0.95 came after the outcome was known');
    assert.equal(lateRow?.forecast_valid_at, '2018-01-11T00:00:00.000Z');
    close(lateRow?.brier, 0.49);
    close(forecasterOf(report, `analyst:${me}`).brier, (0.7 + 0.49) / 5);
  });

  it('exports the same numbers as CSV', async () => {
    const json = ForecastScoresSchema.parse(
      (await api.get(`/api/scores/forecasts?question=${q}&forecaster=analysts`)).body,
    );
    const res = await api.app.request(
      `/api/scores/forecasts?question=${q}&forecaster=analysts&format=csv`,
    );
    assert.equal(res.headers.get('content-type'), 'text/csv; charset=utf-8');
    const lines = (await res.text()).trimEnd().split('\r\n');
    const header = lines[0]?.split(',') ?? [];
    assert.equal(lines.length, json.forecasts.length + 1);
    const brierAt = header.indexOf('brier');
    const idAt = header.indexOf('hypothesis_id');
    for (const line of lines.slice(1)) {
      const cells = line.split(',');
      const row = json.forecasts.find((f) => f.hypothesis_id === cells[idAt]);
      assert.equal(Number(cells[brierAt]), row?.brier);
    }
  });

  it('answers as of a past time from what was recorded by then', async () => {
    const past = await scores(`?question=${q}&as_of=${beforeResolutions}`);
    assert.equal(past.hypotheses.length, 0);
    assert.equal(forecasterOf(past, 'model').n, 0);
    const history = await api.get(
      `/api/hypotheses/${s1[0]}/resolutions?as_of=${beforeResolutions}`,
    );
    assert.deepEqual(history.body.resolutions, []);
  });

  it('supersedes with a reason, keeping the history', async () => {
    await sleep(5);
    const beforeSupersede = new Date().toISOString();
    await sleep(5);
    const res = await resolve(s1[0] as string, {
      outcome: 'false',
      resolved_at: '2018-01-21',
      supersede_reason: 'The first report was wrong',
    });
    assert.equal(res.status, 201, JSON.stringify(res.body));
    const history = await api.get(`/api/hypotheses/${s1[0]}/resolutions`);
    assert.deepEqual(
      history.body.resolutions.map((r: { outcome: string }) => r.outcome),
      ['false', 'true'],
    );
    assert.equal(history.body.resolutions[0].supersedes_id, history.body.resolutions[1].id);
    assert.equal(history.body.resolutions[0].reason, 'The first report was wrong');
    const report = await scores(`?question=${q}&forecaster=analysts`);
    // Case 1 is now false: 0.9 scores 0.81 instead of 0.01.
    close(forecasterOf(report, `analyst:${me}`).brier, (0.7 + 0.8 + 0.49) / 5);
    const then = await scores(`?question=${q}&forecaster=analysts&as_of=${beforeSupersede}`);
    close(forecasterOf(then, `analyst:${me}`).brier, (0.7 + 0.49) / 5, 'as it stood then');
    const judged = await api.post(`/api/hypotheses/${s1[0]}/assessments`, {
      probability: 0.5,
      rationale: 'r',
    });
    assert.equal(judged.status, 409, 'a resolved hypothesis takes no more judgments');
  });

  it('resolves an exclusive set in one write, and scores the cited sources', async () => {
    const [iraq, ...siblings] = exclusive.hypotheses;
    assert.ok(iraq);
    const res = await resolve(iraq.id, { outcome: 'true', resolved_at: '2019-12-31' });
    assert.equal(res.status, 201, JSON.stringify(res.body));
    const { id, implied } = ResolvedSchema.parse(res.body);
    assert.deepEqual(
      implied.map((r) => [r.hypothesis_id, r.outcome, r.implied_by]).sort(),
      siblings.map((s) => [s.id, 'false', id]).sort(),
    );
    const question = await api.get(`/api/questions/${exclusive.id}`);
    assert.ok(question.body.hypotheses.every((h: { status: string }) => h.status === 'resolved'));

    const report = await scores(`?question=${exclusive.id}`);
    const model = forecasterOf(report, 'model');
    assert.equal(model.n, 5);
    const p = exclusive.hypotheses.map((h) => h.current.model);
    const expected = p.reduce((s, x, i) => s + (x - (i === 0 ? 1 : 0)) ** 2, 0);
    close(model.brier_original?.value, expected, 'original form over the set');
    close(model.brier, expected / 5);
    // Each cited source forecast is scored like any forecaster's.
    const rows = ForecastScoresSchema.parse(
      (await api.get(`/api/scores/forecasts?question=${exclusive.id}&forecaster=sources`)).body,
    ).forecasts;
    assert.ok(rows.length > 0);
    for (const row of rows) {
      const outcome = row.hypothesis_id === iraq.id ? 1 : 0;
      close(row.brier, (row.probability - outcome) ** 2);
    }
    const source = report.forecasters.find((f) => f.kind === 'source' && f.n > 0);
    assert.ok(source, 'a cited source is scored');
    const author = await scores(
      `?question=${exclusive.id}&forecaster=author:ely-karmon&reference=prior`,
    );
    assert.equal(author.forecasters.length, 1);
    assert.equal(author.reference.label, "each hypothesis's prior");
  });

  it('closes an exclusive set piecemeal: the model renormalises over the open hypotheses', async () => {
    const created = await api.post('/api/questions', {
      title: 'Where is the base?',
      kind: 'exclusive',
      hypotheses: ['A', 'B', 'C'].map((title, i) => ({
        title,
        statement: `The base is in ${title}.`,
        horizon: '2018-12-31',
        resolution_criteria: 'Reporting',
        prior: [0.5, 0.3, 0.2][i],
        opened_at: '2018-01-01',
      })),
    });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    const [a, b, c] = created.body.hypotheses.map((h: { id: string }) => h.id) as string[];
    const model = async () => {
      const res = await api.get(`/api/questions/${created.body.id}`);
      return res.body.hypotheses.map((h: { current: { model: number } }) => h.current.model);
    };
    const closed = await resolve(c as string, { outcome: 'false', resolved_at: '2018-03-01' });
    assert.deepEqual(closed.body.implied, []);
    const [pa, pb, pc] = await model();
    close(pa, 0.625, 'A takes its share of C’s mass');
    close(pb, 0.375);
    close(pc, 0.001);
    const logged = await api.post(`/api/questions/${created.body.id}/evidence`, {
      title: 'Leaders seen in A',
      occurred_on: '2018-04-01',
      source: { title: 'Wire' },
      reliability: 'A',
      credibility: 1,
      ratings: { [a as string]: 'CC', [c as string]: 'CC' },
    });
    assert.equal(logged.status, 201);
    const [qa, qb, qc] = await model();
    close(qa, 2.5 / 2.875, 'renormalised over A and B only');
    close(qb, 0.375 / 2.875);
    close(qc, 0.001, 'a resolved hypothesis does not move');
    const timeline = await api.get(`/api/hypotheses/${a}/timeline`);
    assert.ok(
      timeline.body.points.some(
        (p: { cause: { type: string; title: string } }) =>
          p.cause.type === 'resolution' && p.cause.title === 'C resolved false',
      ),
    );

    const res = await resolve(a as string, { outcome: 'true', resolved_at: '2018-06-01' });
    assert.deepEqual(
      res.body.implied.map((r: { hypothesis_id: string }) => r.hypothesis_id),
      [b],
      'C was false already',
    );
    const report = await scores(`?question=${created.body.id}&forecaster=model`);
    const m = forecasterOf(report, 'model');
    const briers = [(1 - 2.5 / 2.875) ** 2, (0.375 / 2.875) ** 2, 0.2 ** 2];
    close(m.brier, briers.reduce((x, y) => x + y) / 3, 'C scored on the prior it had before');
    close(
      m.brier_original?.value,
      briers.reduce((x, y) => x + y),
    );
  });

  it('refuses unknown filters and forecasters, naming the parameter', async () => {
    const cases: [string, string, RegExp][] = [
      ['?forecaster=analyst:nobody', 'query.forecaster', /no forecaster analyst:nobody/],
      ['?forecaster=oracle', 'query.forecaster.0', /must be model, analysts/],
      ['?question=q_aaaaaaaaaaaaaaaa', 'query.question', /no question with id/],
      ['?tag=no-such-tag', 'query.tag', /no question has the tag no-such-tag/],
      [
        '?resolved_from=2020-01-01&resolved_to=2019-01-01',
        'query.resolved_from',
        /after resolved_to/,
      ],
      ['?reference=source:nowhere', 'query.reference', /no forecaster/],
      ['?horizon=-1', 'query.horizon', /at least 0/],
      ['?as_of=yesterday', 'query.as_of', /date/],
    ];
    for (const [query, path, message] of cases) {
      const res = await api.get(`/api/scores${query}`);
      assert.equal(res.status, 400, query);
      assert.equal(res.contentType, 'application/problem+json');
      const problem = res.body.errors.find((e: { path: string }) => e.path === path);
      assert.ok(problem, `${path} for ${query}: ${JSON.stringify(res.body.errors)}`);
      assert.match(problem.message, message);
    }
  });

  it('filters by tag and resolution window', async () => {
    const tagged = await scores('?tag=scoring-check&forecaster=model');
    assert.equal(tagged.hypotheses.length, 6);
    const window = await scores(
      '?resolved_from=2019-01-01&resolved_to=2019-12-31&forecaster=model',
    );
    assert.ok(window.hypotheses.length >= 5);
    assert.ok(window.hypotheses.every((h) => h.resolved_at.startsWith('2019')));
  });
});
