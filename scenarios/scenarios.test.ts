import assert from 'node:assert/strict';
import {
  copyFileSync,
  cpSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { AppError } from '../server/errors.js';
import { readScenarioFile } from '../server/services/scenario-files.js';

const dir = new URL('.', import.meta.url).pathname;
const files = readdirSync(dir).filter((f) => f.endsWith('.json'));

describe('the built-in scenario files', () => {
  it('exist', () => {
    assert.ok(files.length > 0);
  });

  for (const name of files) {
    it(`${name} is valid and quotes its sources verbatim`, async () => {
      const loaded = await readScenarioFile(join(dir, name));
      assert.ok(loaded.file.questions.length > 0);
      const cited = loaded.file.questions.flatMap((q) => [
        ...q.hypotheses.flatMap((h) => h.citations),
        ...q.indicators.flatMap((i) => i.citations),
      ]);
      assert.ok(cited.length > 0);
    });
  }

  it('refuses a file whose quote was altered, naming the citation', async () => {
    const work = mkdtempSync(join(tmpdir(), 'signpost-scenarios-'));
    try {
      cpSync(join(dir, 'sources'), join(work, 'sources'), { recursive: true });
      const sample = 'post-caliphate-sample.json';
      copyFileSync(join(dir, sample), join(work, sample));
      const file = JSON.parse(readFileSync(join(work, sample), 'utf8'));
      file.questions[0].hypotheses[1].citations[0].quote = 'Iran will certainly become a target';
      file.questions[0].hypotheses[1].citations[0].words = 'will certainly';
      writeFileSync(join(work, sample), JSON.stringify(file));
      await assert.rejects(readScenarioFile(join(work, sample)), (error: unknown) => {
        assert.ok(error instanceof AppError);
        assert.deepEqual(error.problems, [
          {
            path: `${sample}.questions.0.hypotheses.1.citations.0.quote`,
            message: 'does not appear verbatim in sources/002_441b754de885d880.txt',
          },
        ]);
        return true;
      });
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  });
});
