import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { zodProblems } from '../errors.js';
import { type ScenarioFile, ScenarioFileSchema } from './scenario-file.js';

const sample = () =>
  JSON.parse(
    readFileSync(new URL('../../scenarios/post-caliphate-sample.json', import.meta.url), 'utf8'),
  ) as ScenarioFile;

function problems(file: unknown) {
  const result = ScenarioFileSchema.safeParse(file);
  return result.success ? [] : zodProblems(result.error, 'file');
}

describe('the scenario file schema', () => {
  it('accepts the shipped sample', () => {
    assert.deepEqual(problems(sample()), []);
  });

  it('names each field that is wrong', () => {
    const file = sample();
    const q = file.questions[0] as ScenarioFile['questions'][0];
    (q.hypotheses[0] as { prior: number }).prior = 1;
    (q.hypotheses[1] as { horizon: string }).horizon = '31/12/2019';
    (q as { kind: string }).kind = 'sometimes';
    assert.deepEqual(
      problems(file).map((p) => p.path),
      [
        'file.questions.0.kind',
        'file.questions.0.hypotheses.0.prior',
        'file.questions.0.hypotheses.1.horizon',
      ],
    );
  });

  it('requires every indicator to rate every hypothesis, and only those', () => {
    const file = sample();
    const indicator = file.questions[0]?.indicators[0] as { expectations: Record<string, string> };
    delete indicator.expectations['iran-preferred-target'];
    indicator.expectations['no-such-scenario'] = 'L';
    assert.deepEqual(problems(file), [
      {
        path: 'file.questions.0.indicators.0.expectations.no-such-scenario',
        message: 'is not a hypothesis of this question',
      },
      {
        path: 'file.questions.0.indicators.0.expectations.iran-preferred-target',
        message: 'missing: an indicator is rated against every hypothesis of its question',
      },
    ]);
  });

  it('checks citations: known source, words inside the quote, a reading with a reason', () => {
    const file = sample();
    const h = file.questions[0]?.hypotheses[1] as ScenarioFile['questions'][0]['hypotheses'][0];
    h.citations.push(
      { source: 'nobody-2020', quote: 'x' },
      { source: 'karmon-2016', quote: 'it may well happen', words: 'surely', reading: 'likely' },
      { source: 'karmon-2016', quote: 'it may happen', words: 'may', probability: 0.4 },
    );
    assert.deepEqual(
      problems(file).map((p) => `${p.path}: ${p.message}`),
      [
        'file.questions.0.hypotheses.1.citations.2.words: must appear in the quote',
        'file.questions.0.hypotheses.1.citations.3.probability_reason: an explicit probability needs the reason it departs from the band midpoint',
        'file.questions.0.hypotheses.1.citations.1.source: is not a source of this file',
      ],
    );
  });

  it('refuses a reading that is not on the ICD 203 scale', () => {
    const file = sample();
    const c = file.questions[0]?.hypotheses[0]?.citations[0] as { reading?: string };
    c.reading = 'pretty likely';
    assert.equal(problems(file)[0]?.path, 'file.questions.0.hypotheses.0.citations.0.reading');
  });

  it('refuses duplicate keys', () => {
    const file = sample();
    const q = file.questions[0] as ScenarioFile['questions'][0];
    (q.hypotheses[1] as { key: string }).key = q.hypotheses[0]?.key ?? '';
    assert.ok(problems(file).some((p) => p.path === 'file.questions.0.hypotheses.1.key'));
  });
});
