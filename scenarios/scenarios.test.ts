import assert from 'node:assert/strict';
import { copyFileSync, existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import { loadConfig } from '../server/config.js';
import { AppError } from '../server/errors.js';
import {
  fileCitations,
  type ScenarioFile,
  ScenarioFileSchema,
} from '../server/schemas/scenario-file.js';
import { readScenarioFile } from '../server/services/scenario-files.js';
import { reviewScenarioFile } from '../server/services/scenario-review.js';
import { DOCUMENTS, SAMPLE_PATH, sampleScenario } from '../test/support/fixtures.js';

const dir = new URL('.', import.meta.url).pathname;
const names = readdirSync(dir).filter((f) => f.endsWith('.json'));
const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
/** '2019-12-31' → '31 December 2019', as a statement names its horizon. */
const spelled = (date: string) => {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return `${d} ${MONTHS[m - 1]} ${y}`;
};

describe('the built-in scenario files', () => {
  it('are there', () => assert.ok(names.length > 0));

  for (const name of names) {
    describe(name, () => {
      let file: ScenarioFile;
      before(async () => {
        // The schema and every structural rule; quotes are checked in their own test below.
        file = (await readScenarioFile(join(dir, name), '/nonexistent')).file;
      });

      it('quotes every source verbatim', async (t) => {
        if (!existsSync(DOCUMENTS)) {
          t.skip(
            `quotes NOT checked: no source documents at ${DOCUMENTS} (set SIGNPOST_SOURCE_DOCUMENTS)`,
          );
          return;
        }
        const loaded = await readScenarioFile(join(dir, name), DOCUMENTS);
        assert.equal(loaded.quotesCheckedIn, DOCUMENTS);
      });

      it('holds an independent question and an exclusive one', () => {
        const kinds = new Set(file.questions.map((q) => q.kind));
        assert.deepEqual([...kinds].sort(), ['exclusive', 'independent']);
      });

      it('states each hypothesis so it can be resolved on its horizon', () => {
        for (const q of file.questions) {
          for (const h of q.hypotheses) {
            const where = `${q.key}/${h.key}`;
            assert.ok(
              h.statement.includes(spelled(h.horizon)),
              `${where}: statement names ${h.horizon}`,
            );
            assert.ok(h.opened_at && h.opened_at < h.horizon, `${where}: opens before its horizon`);
            assert.ok(h.resolution_criteria.length >= 100, `${where}: resolution criteria`);
            assert.match(h.rationale, /judgment/, `${where}: rationale says it is a judgment`);
          }
        }
      });

      it('opens each hypothesis no later than the sources that predicted it', () => {
        const published = new Map(file.sources.map((s) => [s.key, s.published_on]));
        for (const q of file.questions) {
          for (const h of q.hypotheses) {
            for (const c of h.citations) {
              const on = published.get(c.source) ?? '';
              assert.ok((h.opened_at ?? '') <= on, `${q.key}/${h.key} opens after ${c.source}`);
            }
          }
        }
      });

      it('gives every hypothesis at least three indicators that speak to it', () => {
        for (const q of reviewScenarioFile(file)) {
          for (const h of q.coverage) {
            assert.ok(h.indicators >= 3, `${q.key}/${h.key}: ${h.indicators} indicators`);
          }
          const useless = q.indicators.filter((x) => x.class === 'non_diagnostic');
          assert.deepEqual(useless, [], `${q.key}: non-diagnostic indicators`);
        }
      });

      it('cites every source it lists', () => {
        const cited = new Set(
          file.questions.flatMap((q) =>
            [...q.hypotheses, ...q.indicators].flatMap((o) => o.citations.map((c) => c.source)),
          ),
        );
        assert.deepEqual(
          file.sources.map((s) => s.key).filter((k) => !cited.has(k)),
          [],
        );
      });
    });
  }
});

describe('quote checking', () => {
  it('refuses a file whose quote was altered, naming the citation', async () => {
    const work = mkdtempSync(join(tmpdir(), 'signpost-scenarios-'));
    try {
      // A documents folder of our own, so the check does not depend on the shared seeds: each
      // document is a page capture holding its source's quotes, rewrapped.
      const file = sampleScenario();
      for (const source of file.sources) {
        const quotes = fileCitations(file.questions)
          .filter(({ citation }) => citation.source === source.key)
          .map(({ citation }) => citation.quote.replaceAll(' ', '\n  '));
        writeFileSync(join(work, source.document ?? ''), `Menu\n${quotes.join('\n')}\nFooter`);
      }
      const path = join(work, 'sample.json');
      writeFileSync(path, JSON.stringify(file));
      assert.equal((await readScenarioFile(path, work)).quotesCheckedIn, work);

      const citation = file.questions[0]?.hypotheses[1]?.citations[0];
      assert.ok(citation);
      citation.quote = 'Iran will certainly become a target';
      citation.words = 'will certainly';
      writeFileSync(path, JSON.stringify(file));
      await assert.rejects(readScenarioFile(path, work), (error: unknown) => {
        assert.ok(error instanceof AppError);
        assert.deepEqual(error.problems, [
          {
            path: 'sample.json.questions.0.hypotheses.1.citations.0.quote',
            message: 'does not appear verbatim in 002_441b754de885d880.txt',
          },
        ]);
        return true;
      });
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  });

  it('names a document missing from the documents folder', async () => {
    const work = mkdtempSync(join(tmpdir(), 'signpost-scenarios-'));
    try {
      copyFileSync(SAMPLE_PATH, join(work, 'sample.json'));
      await assert.rejects(readScenarioFile(join(work, 'sample.json'), work), (error: unknown) => {
        assert.ok(error instanceof AppError);
        assert.deepEqual(
          error.problems.map((p) => p.path),
          ['sample.json.sources.0.document', 'sample.json.sources.1.document'],
        );
        return true;
      });
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  });

  it('reads a file without checking quotes when there is no documents folder', async () => {
    const loaded = await readScenarioFile(SAMPLE_PATH, join(tmpdir(), 'no-such-documents'));
    assert.equal(loaded.quotesCheckedIn, null);
    assert.ok(ScenarioFileSchema.safeParse(loaded.file).success);
  });

  it('looks for the documents where SIGNPOST_SOURCE_DOCUMENTS says', () => {
    assert.equal(
      loadConfig({ SIGNPOST_SOURCE_DOCUMENTS: '/srv/seeds' }).sourceDocumentsDir,
      '/srv/seeds',
    );
    assert.match(loadConfig({}).sourceDocumentsDir, /shared\/seeds$/);
  });
});
