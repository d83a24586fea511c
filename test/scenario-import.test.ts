import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { SYSTEM_ACTOR } from '../server/actor.js';
import { AppError } from '../server/errors.js';
import { keyedId } from '../server/ids.js';
import { logEvidence } from '../server/services/evidence.js';
import { readQuestion } from '../server/services/question-reads.js';
import { importScenarioFile } from '../server/services/scenario-files.js';
import { importScenarioSet } from '../server/services/scenario-import.js';
import { openTestDatabase, type TestDatabase } from './support/database.js';
import { DOCUMENTS, rowCounts, SAMPLE_PATH, sampleScenario } from './support/fixtures.js';

describe('scenario import', () => {
  let t: TestDatabase;
  before(async () => {
    t = await openTestDatabase();
  });
  after(async () => t.close());

  it('loads the sample: definitions, citations and the authors’ forecasts', async () => {
    const report = await importScenarioFile(t.db, SYSTEM_ACTOR, SAMPLE_PATH, DOCUMENTS);
    assert.ok(report.importId?.startsWith('imp_'));
    assert.deepEqual(report.added, {
      sources: 2,
      questions: 1,
      hypotheses: 2,
      indicators: 2,
      expectations: 4,
      citations: 5,
      forecasts: 2,
    });
    assert.equal(report.quotesCheckedIn, existsSync(DOCUMENTS) ? DOCUMENTS : null);
    const q = await readQuestion(t.db, keyedId('q', 'post-caliphate-sample'));
    assert.equal(q.kind, 'independent');
    const iran = q.hypotheses.find((h) => h.key === 'iran-preferred-target');
    assert.equal(iran?.prior, 0.3);
    assert.equal(iran?.current.model, 0.3);
    assert.equal(iran?.current.analyst, null);
    assert.equal(iran?.citations[0]?.words, 'could indeed become');
    assert.equal(iran?.citations[0]?.probability, 0.4);
    assert.equal(iran?.citations[0]?.published_on, '2016-12-19');
    assert.equal(iran?.citations[0]?.stance, 'supports');
    // A citation arguing against the hypothesis, with no words of likelihood: no forecast.
    assert.deepEqual(
      [iran?.citations[1]?.stance, iran?.citations[1]?.words, iran?.citations[1]?.probability],
      ['opposes', null, null],
    );
    assert.equal(iran?.rationale, 'Test fixture: a prior of 0.3 for a small sample.');
    const insurgency = q.hypotheses.find((h) => h.key === 'insurgency-iraq-syria');
    // "likely" read as its ICD 203 band midpoint (METHODS §5).
    assert.equal(insurgency?.citations[0]?.probability, 0.675);
    assert.match(insurgency?.citations[0]?.source.date_note ?? '', /issue 1368/);
    const desert = q.indicators.find((i) => i.key === 'desert-hideouts');
    assert.equal(desert?.expectations[insurgency?.id ?? ''], 'HL');
    assert.deepEqual(desert?.diagnosticity, { spread: 2, class: 'weak' });
    assert.equal(desert?.status, 'NOT_OBSERVED');
    assert.equal(desert?.expected_by, '2018-12-31');
  });

  it('records the authors’ stated likelihoods as source forecasts dated at publication', async () => {
    const rows = await t.db
      .selectFrom('assessments')
      .select(['probability', 'valid_at', 'forecaster_kind'])
      .orderBy('valid_at')
      .execute();
    assert.deepEqual(
      rows.map((r) => [r.forecaster_kind, r.probability, r.valid_at.toISOString()]),
      [
        ['source', 0.4, '2016-12-19T00:00:00.000Z'],
        ['source', 0.675, '2017-11-09T00:00:00.000Z'],
      ],
    );
  });

  it('changes nothing when run again', async () => {
    const before = await rowCounts(t.db);
    const report = await importScenarioFile(t.db, SYSTEM_ACTOR, SAMPLE_PATH, DOCUMENTS);
    assert.equal(report.importId, null);
    assert.ok(Object.values(report.added).every((n) => n === 0));
    assert.deepEqual(report.kept, []);
    assert.deepEqual(await rowCounts(t.db), before);
  });

  it('refuses a file whose exclusive set cannot be normalised, writing nothing', async () => {
    const file = sampleScenario();
    const q = file.questions[0];
    assert.ok(q);
    q.key = 'exclusive-refused';
    q.kind = 'exclusive';
    q.hypotheses[0] = { ...(q.hypotheses[0] as (typeof q.hypotheses)[0]), prior: 0.9999 };
    q.hypotheses[1] = { ...(q.hypotheses[1] as (typeof q.hypotheses)[0]), prior: 0.0005 };
    const before = await rowCounts(t.db);
    await assert.rejects(
      importScenarioSet(t.db, SYSTEM_ACTOR, file, { name: 'refused.json', sha256: 'x' }),
      (error: unknown) => {
        assert.ok(error instanceof AppError);
        assert.equal(error.code, 'invalid_request');
        assert.equal(error.problems[0]?.path, 'questions.0.hypotheses.0.prior');
        assert.match(error.problems[0]?.message ?? '', /above the ceiling/);
        return true;
      },
    );
    assert.deepEqual(await rowCounts(t.db), before);
  });

  it('adds only what is new, and keeps stored definitions that the file changed', async () => {
    await logEvidence(t.db, SYSTEM_ACTOR, keyedId('q', 'post-caliphate-sample'), {
      title: 'Attack claimed in Iraq',
      summary: '',
      occurred_on: '2018-03-01',
      reliability: 'B',
      credibility: 2,
      relevance: 'medium',
      ratings: { [keyedId('h', 'post-caliphate-sample/insurgency-iraq-syria')]: 'C' },
      observations: [],
    });
    const file = sampleScenario();
    const q = file.questions[0];
    assert.ok(q);
    const first = q.hypotheses[0] as (typeof q.hypotheses)[0];
    q.hypotheses.push({ ...first, key: 'new-scenario', title: 'A new scenario' });
    q.hypotheses[1] = { ...(q.hypotheses[1] as (typeof q.hypotheses)[0]), title: 'Renamed' };
    for (const indicator of q.indicators) indicator.expectations['new-scenario'] = 'U';
    const report = await importScenarioSet(t.db, SYSTEM_ACTOR, file, {
      name: 'changed.json',
      sha256: 'changed',
    });
    assert.equal(report.added.hypotheses, 1);
    assert.equal(report.added.questions, 0);
    assert.equal(report.added.expectations, 2, 'the new hypothesis is rated by both indicators');
    assert.equal(report.added.citations, 1);
    assert.deepEqual(
      report.kept.map((k) => k.path),
      ['questions.0.hypotheses.1.title'],
    );
    const view = await readQuestion(t.db, keyedId('q', 'post-caliphate-sample'));
    assert.equal(view.hypotheses.length, 3);
    assert.equal(view.hypotheses[1]?.title, 'Iran becomes a preferred target');
    assert.equal(view.hypotheses[2]?.key, 'new-scenario');
    assert.equal(view.indicators[0]?.expectations[view.hypotheses[2]?.id ?? ''], 'U');
    const ledger = await t.db
      .selectFrom('model_ledger')
      .select('p_after')
      .where('hypothesis_id', '=', view.hypotheses[2]?.id ?? '')
      .execute();
    assert.deepEqual(ledger, [{ p_after: 0.5 }], 'the model is rebuilt over the new set');
  });

  it('writes an audit row for every definition it adds, attributed to the importer', async () => {
    const rows = await t.db
      .selectFrom('audit_log')
      .select(['action', 'actor_id'])
      .where('action', '=', 'hypothesis.create')
      .execute();
    assert.equal(rows.length, 3);
    assert.ok(rows.every((r) => r.actor_id === 'u_system'));
  });
});
