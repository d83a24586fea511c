import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { sampleScenario as sample } from '../../test/support/fixtures.js';
import { zodProblems } from '../errors.js';
import { type ScenarioFile, ScenarioFileSchema } from './scenario-file.js';

function problems(file: unknown) {
  const result = ScenarioFileSchema.safeParse(file);
  return result.success ? [] : zodProblems(result.error, 'file');
}

describe('the scenario file schema', () => {
  it('accepts the sample', () => {
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
    const cite = (c: object) => c as ScenarioFile['questions'][0]['hypotheses'][0]['citations'][0];
    h.citations.push(
      cite({ source: 'nobody-2020', quote: 'x' }),
      cite({
        source: 'karmon-2016',
        quote: 'it may well happen',
        words: 'surely',
        reading: 'likely',
      }),
      cite({ source: 'karmon-2016', quote: 'it may happen', words: 'may', probability: 0.4 }),
    );
    assert.deepEqual(
      problems(file).map((p) => `${p.path}: ${p.message}`),
      [
        'file.questions.0.hypotheses.1.citations.3.words: must appear in the quote',
        'file.questions.0.hypotheses.1.citations.4.probability_reason: an explicit probability needs the reason it departs from the band midpoint',
        'file.questions.0.hypotheses.1.citations.2.source: is not a source of this file',
      ],
    );
  });

  it('knows only two stances: a citation supports or opposes', () => {
    const file = sample();
    (file.questions[0]?.hypotheses[1]?.citations[0] as { stance: string }).stance = 'doubts';
    assert.deepEqual(problems(file), [
      {
        path: 'file.questions.0.hypotheses.1.citations.0.stance',
        message: 'Invalid option: expected one of "supports"|"opposes"',
      },
    ]);
  });

  it('needs a rationale for every hypothesis', () => {
    const file = sample();
    const q = file.questions[0] as ScenarioFile['questions'][0];
    delete (q.hypotheses[0] as { rationale?: string }).rationale;
    assert.deepEqual(
      problems(file).map((p) => p.path),
      ['file.questions.0.hypotheses.0.rationale'],
    );
  });

  it('needs a publication date for a source whose words become a forecast', () => {
    const file = sample();
    delete file.sources[0]?.published_on;
    assert.deepEqual(problems(file), [
      {
        path: 'file.questions.0.hypotheses.1.citations.0.source',
        message: 'a citation with words of likelihood needs a source with published_on',
      },
    ]);
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
