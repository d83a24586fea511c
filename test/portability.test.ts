import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { parseCsv } from '../server/schemas/csv.js';
import { ExportDocumentSchema } from '../server/schemas/export-document.js';
import type { QuestionView } from '../server/schemas/views.js';
import { readQuestions } from '../server/services/question-reads.js';
import { testClient } from './support/api.js';
import { openTestDatabase, type TestDatabase } from './support/database.js';
import { loadBuiltInExclusive, rowCounts } from './support/fixtures.js';

/**
 * Export and import: the whole database and one question round-trip through an empty database
 * unchanged, importing again adds nothing, the model is rebuilt to the same numbers, and CSV
 * evidence backfills are all-or-nothing with each bad cell named by line and column.
 */

const _ROOT = new URL('..', import.meta.url).pathname;

describe('export and import', () => {
  let a: TestDatabase;
  let b: TestDatabase;
  let apiA: ReturnType<typeof testClient>;
  let apiB: ReturnType<typeof testClient>;
  let exclusive: QuestionView;
  let q: string;
  const hyps: string[] = [];
  let indicator: string;

  before(async () => {
    [a, b] = await Promise.all([openTestDatabase(), openTestDatabase()]);
    apiA = testClient(a.db);
    apiB = testClient(b.db);
    exclusive = await loadBuiltInExclusive(a.db);
    const [first, second] = exclusive.hypotheses;
    // A history with every kind of record: evidence with an explicit ratio and a retraction,
    // judgments (one retracted by a later set), a resolution implying its siblings.
    const logged = await apiA.post(`/api/questions/${exclusive.id}/evidence`, {
      title: 'Attacks resume in Anbar',
      occurred_on: '2018-03-02',
      source: { title: 'Wire report', url: 'https://example.org/anbar' },
      reliability: 'B',
      credibility: 2,
      ratings: {
        [first?.id as string]: { rating: 'CC', likelihood_ratio: 3 },
        [second?.id as string]: 'I',
      },
    });
    assert.equal(logged.status, 201, JSON.stringify(logged.body));
    const wrong = await apiA.post(`/api/questions/${exclusive.id}/evidence`, {
      title: 'Misattributed claim',
      occurred_on: '2018-02-01',
      reliability: 'E',
      credibility: 5,
      ratings: { [second?.id as string]: 'CC' },
    });
    await apiA.post(`/api/evidence/${wrong.body.id}/retract`, { reason: 'Claim was fabricated' });
    await apiA.post(`/api/hypotheses/${first?.id}/assessments`, {
      probability: 0.6,
      rationale: 'Insurgency indicators firm up',
      effective_at: '2018-04-01',
    });
    const resolved = await apiA.post(`/api/hypotheses/${first?.id}/resolution`, {
      outcome: 'true',
      resolved_at: '2019-12-31',
      note: 'Leadership stayed in Iraq and Syria',
    });
    assert.equal(resolved.status, 201, JSON.stringify(resolved.body));

    const created = await apiA.post('/api/questions', {
      title: 'Backfill check',
      kind: 'independent',
      tags: ['backfill'],
    });
    q = created.body.id;
    for (const title of ['Raids continue', 'Raids stop']) {
      const res = await apiA.post(`/api/questions/${q}/hypotheses`, {
        title,
        statement: `${title} through 2018.`,
        horizon: '2018-12-31',
        resolution_criteria: 'Reporting',
        prior: 0.5,
        opened_at: '2017-06-01',
      });
      hyps.push(res.body.id);
    }
    const ind = await apiA.post(`/api/questions/${q}/indicators`, {
      title: 'Night raids reported',
      description: 'Weekly reporting of raids',
      expectations: { [hyps[0] as string]: 'HL', [hyps[1] as string]: 'HU' },
    });
    assert.equal(ind.status, 201, JSON.stringify(ind.body));
    indicator = ind.body.id;
  });

  after(async () => {
    await Promise.all([a?.close(), b?.close()]);
  });

  it('round-trips the whole database through an empty one, and a second import adds nothing', async () => {
    const exported = await apiA.get('/api/export');
    assert.equal(exported.status, 200);
    assert.match(
      exported.headers.get('content-disposition') ?? '',
      /attachment; filename="signpost-export-/,
    );
    const document = ExportDocumentSchema.parse(exported.body);
    assert.equal(document.tables.questions.length, (await readQuestions(a.db, {})).length);
    assert.equal(document.tables.evidence_retractions.length, 1);
    assert.equal(document.tables.resolutions.length, exclusive.hypotheses.length);
    assert.ok(document.tables.citations.length > 10 && document.tables.assessments.length > 10);
    // Times keep their microseconds: the text is exactly what the database holds.
    assert.match(
      String(document.tables.evidence[0]?.recorded_at),
      /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$/,
    );

    const imported = await apiB.post('/api/import', exported.body);
    assert.equal(imported.status, 200, JSON.stringify(imported.body));
    assert.equal(imported.body.added.evidence, document.tables.evidence.length);
    assert.equal(
      imported.body.added.users,
      1,
      'the signed-in user of A; the built-in two are the same rows',
    );
    assert.equal(imported.body.present.users, 2);
    assert.deepEqual(imported.body.recomputed.length, document.tables.questions.length);

    const again = await apiB.get('/api/export');
    // B's own signed-in user aside, B now holds exactly what A exported.
    const ownB = (await apiB.user()).id;
    const tables = again.body.tables;
    const withoutOwn = {
      ...again.body,
      tables: { ...tables, users: tables.users.filter((u: { id: string }) => u.id !== ownB) },
    };
    assert.deepEqual(withoutOwn, exported.body, 'export → import into empty → export is the same');

    // The model is rebuilt from the facts to the same numbers, step for step.
    for (const path of [
      `/api/questions/${exclusive.id}`,
      `/api/hypotheses/${exclusive.hypotheses[1]?.id}/timeline`,
    ]) {
      const [left, right] = [await apiA.get(path), await apiB.get(path)];
      assert.deepEqual(right.body, left.body, path);
    }

    const counts = await rowCounts(b.db);
    const twice = await apiB.post('/api/import', exported.body);
    assert.equal(twice.status, 200);
    assert.ok(
      Object.values(twice.body.added).every((n) => n === 0),
      JSON.stringify(twice.body.added),
    );
    assert.equal(twice.body.present.evidence, document.tables.evidence.length);
    assert.deepEqual(await rowCounts(b.db), counts, 'nothing written, not even an audit row');
  });

  it('exports one question with what it refers to, and imports it into a database that has data', async () => {
    const one = await apiA.get(`/api/export?question=${exclusive.id}`);
    const document = ExportDocumentSchema.parse(one.body);
    assert.equal(document.question, exclusive.id);
    assert.deepEqual(
      document.tables.questions.map((r) => r.id),
      [exclusive.id],
    );
    assert.ok(document.tables.hypotheses.every((h) => h.question_id === exclusive.id));
    assert.deepEqual(document.tables.scenario_imports, []);
    const sourceIds = new Set(document.tables.sources.map((s) => s.id));
    assert.ok(
      document.tables.citations.every((c) => sourceIds.has(c.source_id)),
      'cited sources travel along',
    );
    assert.ok(
      document.tables.evidence.every((e) => e.source_id === null || sourceIds.has(e.source_id)),
    );

    const counts = await rowCounts(a.db);
    const into = await apiA.post('/api/import', one.body);
    assert.equal(into.status, 200);
    assert.ok(
      Object.values(into.body.added).every((n) => n === 0),
      'no duplicates',
    );
    assert.deepEqual(await rowCounts(a.db), counts);

    assert.equal((await apiA.get('/api/export?question=q_aaaaaaaaaaaaaaaa')).status, 404);
  });

  it('refuses a bad document, naming the table and the row, writing nothing', async () => {
    const document = ExportDocumentSchema.parse((await apiA.get(`/api/export?question=${q}`)).body);
    const counts = await rowCounts(b.db);
    const missing = structuredClone(document);
    delete (missing.tables.hypotheses[1] as Record<string, unknown>).title;
    const res = await apiB.post('/api/import', missing);
    assert.equal(res.status, 400);
    assert.equal(res.contentType, 'application/problem+json');
    assert.deepEqual(
      res.body.errors.map((e: { path: string }) => e.path),
      ['body.tables.hypotheses.1.title'],
    );

    const unchecked = structuredClone(document);
    (unchecked.tables.hypotheses[1] as Record<string, unknown>).prior = 1.5;
    const check = await apiB.post('/api/import', unchecked);
    assert.equal(check.status, 400, JSON.stringify(check.body));
    assert.equal(check.body.errors[0].path, 'body.tables.hypotheses');
    assert.match(check.body.errors[0].message, /hypotheses_prior_check/);

    // The same natural key under another id is a different question: a conflict, not a merge.
    const taken = structuredClone(document);
    const other = ExportDocumentSchema.parse(
      (await apiA.get(`/api/export?question=${exclusive.id}`)).body,
    );
    const question = other.tables.questions[0] as Record<string, unknown>;
    taken.tables.questions.push({ ...question, id: 'q_aaaaaaaaaaaaaaaa' });
    const conflict = await apiB.post('/api/import', taken);
    assert.equal(conflict.status, 409, JSON.stringify(conflict.body));
    assert.match(conflict.body.errors[0].message, /questions_key_key/);
    assert.deepEqual(await rowCounts(b.db), counts, 'nothing written');
  });

  const header = () =>
    `id,occurred_on,title,summary,source_title,source_url,reliability,credibility,relevance,rating:${hyps[0]},rating:${hyps[1]},observation:${indicator}`;

  it('backfills evidence from CSV with backdated valid times, and a re-run adds nothing', async () => {
    const csv = [
      header(),
      ',2017-07-01,Raid in Mosul,"Two killed, one ""emir"" held",Wire,https://example.org/a,B,2,high,CC,II,EMERGING',
      ',2017-06-15,Earlier raid,,,,C,3,,C:3,,',
      ',2017-08-01,Quiet month,"spans\ntwo lines",Local paper,,D,4,low,I,N,OBSERVED',
    ].join('\r\n');
    const res = await apiA.post(`/api/import?question=${q}`, csv, { 'Content-Type': 'text/csv' });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.deepEqual(res.body.added, {
      evidence: 3,
      evidence_ratings: 5,
      indicator_observations: 2,
    });
    assert.deepEqual(res.body.recomputed, [q]);

    const log = await apiA.get(`/api/questions/${q}/evidence`);
    const titles = log.body.items.map(
      (e: { title: string; occurred_on: string }) => `${e.occurred_on} ${e.title}`,
    );
    assert.deepEqual(titles.sort(), [
      '2017-06-15 Earlier raid',
      '2017-07-01 Raid in Mosul',
      '2017-08-01 Quiet month',
    ]);
    // The model took them in valid-time order (METHODS §3): C with ratio 3 at w = 0.6·0.6, CC at
    // 0.8·0.8 with EMERGING (HL→CC at half weight), then I at 0.4·0.4 with OBSERVED, which adds
    // the half of the indicator not yet counted.
    const { body: question } = await apiA.get(`/api/questions/${q}`);
    const logit =
      0.36 * Math.log(3) +
      0.64 * Math.log(4) +
      0.5 * 0.64 * Math.log(4) +
      0.16 * Math.log(0.5) +
      0.5 * 0.16 * Math.log(4);
    const expected = 1 / (1 + Math.exp(-logit));
    assert.ok(
      Math.abs(question.hypotheses[0].current.model - expected) < 1e-9,
      `${question.hypotheses[0].current.model} vs ${expected}`,
    );
    assert.equal(question.indicators[0].status, 'OBSERVED');

    // The exported CSV reads back as the same items: with their ids, a re-run adds nothing.
    const exported = await apiA.app.request(`/api/export/evidence.csv?question=${q}`);
    assert.equal(exported.headers.get('content-type'), 'text/csv; charset=utf-8');
    const text = await exported.text();
    const [head, ...rows] = parseCsv(text);
    assert.deepEqual(head?.cells.slice(0, 12), header().split(','));
    assert.deepEqual(
      rows.map((r) => r.cells.slice(1, 4)),
      [
        ['2017-06-15', 'Earlier raid', ''],
        ['2017-07-01', 'Raid in Mosul', 'Two killed, one "emir" held'],
        ['2017-08-01', 'Quiet month', 'spans\ntwo lines'],
      ],
    );
    assert.deepEqual(rows[0]?.cells.slice(9, 11), ['C:3', '']);
    const counts = await rowCounts(a.db);
    const rerun = await apiA.post(`/api/import?question=${q}`, text, {
      'Content-Type': 'text/csv',
    });
    assert.equal(rerun.status, 200, JSON.stringify(rerun.body));
    assert.deepEqual(rerun.body.present, { evidence: 3 });
    assert.equal(rerun.body.added.evidence, 0);
    assert.deepEqual(await rowCounts(a.db), counts);
  });

  it('refuses a CSV with a bad row, naming its line and column, and writes nothing', async () => {
    const counts = await rowCounts(a.db);
    const csv = [
      header(),
      ',2017-09-01,Fine row,,,,B,2,,C,,',
      ',2017-09-02,Bad grade,,,,B,9,,C,,',
      ',2099-01-01,"Quoted, with a\nline break",,,,Q,2,,XX,,',
    ].join('\n');
    const res = await apiA.post(`/api/import?question=${q}`, csv, { 'Content-Type': 'text/csv' });
    assert.equal(res.status, 400);
    assert.equal(res.contentType, 'application/problem+json');
    const paths = res.body.errors.map((e: { path: string }) => e.path);
    assert.deepEqual(paths, [
      'body.line.3.credibility',
      'body.line.4.occurred_on',
      'body.line.4.reliability',
      `body.line.4.rating:${hyps[0]}`,
    ]);
    assert.match(res.body.detail, /^2 of 3 rows cannot be imported; nothing was written/);
    assert.deepEqual(await rowCounts(a.db), counts);

    const unknown = await apiA.post(
      `/api/import?question=${q}`,
      'title,occurred_on,rating:nope\n',
      {
        'Content-Type': 'text/csv',
      },
    );
    assert.equal(unknown.status, 400);
    assert.deepEqual(
      unknown.body.errors.map((e: { path: string }) => e.path),
      ['body.line.1.rating:nope', 'body.line.1.reliability', 'body.line.1.credibility'],
    );
    const noQuestion = await apiA.post('/api/import', 'title\n', { 'Content-Type': 'text/csv' });
    assert.equal(noQuestion.status, 400);
    assert.equal(noQuestion.body.errors[0].path, 'query.question');
    assert.deepEqual(await rowCounts(a.db), counts);
  });

  it('exports probabilities over time as CSV: judgments, cited forecasts and the model', async () => {
    const res = await apiA.app.request(`/api/export/assessments.csv?question=${exclusive.id}`);
    assert.equal(res.status, 200);
    const [head, ...rows] = parseCsv(await res.text());
    const col = (name: string) => head?.cells.indexOf(name) as number;
    const first = exclusive.hypotheses[0]?.id;
    const own = rows.filter((r) => r.cells[col('hypothesis_id')] === first);
    const judgment = own.find((r) => r.cells[col('series')] === 'analyst');
    assert.deepEqual(
      [
        judgment?.cells[col('probability')],
        judgment?.cells[col('words')],
        judgment?.cells[col('rationale')],
      ],
      ['0.6', 'likely', 'Insurgency indicators firm up'],
    );
    assert.ok(
      own.some((r) => r.cells[col('series')] === 'source'),
      'the cited authors',
    );
    const model = own.filter((r) => r.cells[col('series')] === 'model');
    assert.equal(model[0]?.cells[col('cause_type')], 'prior');
    const { body: question } = await apiA.get(`/api/questions/${exclusive.id}`);
    assert.equal(
      Number(model.at(-1)?.cells[col('probability')]),
      question.hypotheses[0].current.model,
    );
    // The retraction, recorded today, is the latest step in valid time.
    assert.deepEqual(
      [...new Set(model.map((r) => r.cells[col('cause_type')]))],
      ['prior', 'evidence', 'resolution', 'retraction'],
    );
  });
});
