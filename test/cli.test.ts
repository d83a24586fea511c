import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { newTestDatabaseLocation, type TestDatabaseLocation } from './support/database.js';
import { SAMPLE_PATH } from './support/fixtures.js';

const ROOT = new URL('..', import.meta.url).pathname;

describe('command line', () => {
  let location: TestDatabaseLocation;
  let scratch: string;
  const run = (script: string, ...args: string[]) => {
    const r = spawnSync(process.execPath, ['--import', 'tsx', script, ...args], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: undefined, ...location.env },
      encoding: 'utf8',
    });
    return { status: r.status, out: `${r.stdout}${r.stderr}`.trim() };
  };
  /** A copy of the sample, changed by `change`, written to the scratch folder as `name`. */
  const alteredSample = (name: string, change: (file: any) => void) => {
    const file = JSON.parse(readFileSync(SAMPLE_PATH, 'utf8'));
    change(file);
    const path = join(scratch, name);
    writeFileSync(path, JSON.stringify(file));
    return path;
  };
  before(async () => {
    location = await newTestDatabaseLocation();
    scratch = mkdtempSync(join(tmpdir(), 'signpost-cli-'));
  });
  after(async () => {
    await location.remove();
    rmSync(scratch, { recursive: true, force: true });
  });

  it('npm run migrate reports the schema is current', () => {
    const r = run('server/cli/migrate.ts');
    assert.equal(r.status, 0, r.out);
    // The location is a migrated template (PGlite) or a fresh schema (PostgreSQL).
    assert.match(r.out, /is at the latest schema; (nothing to apply|applied 2026-)/);
  });

  it('npm run scenarios:import loads a file, then finds nothing new', () => {
    const first = run('server/cli/import-scenarios.ts', SAMPLE_PATH);
    assert.equal(first.status, 0, first.out);
    assert.match(
      first.out,
      /sample-scenarios\.json: added 2 sources, 1 questions, 2 hypotheses, 2 indicators, 4 expectations, 5 citations, 2 forecasts/,
    );
    const second = run('server/cli/import-scenarios.ts', SAMPLE_PATH);
    assert.equal(second.status, 0, second.out);
    assert.match(second.out, /sample-scenarios\.json: nothing new/);
  });

  it('refuses an invalid file whole, listing every problem as path and reason', () => {
    const path = alteredSample('bad.json', (file) => {
      file.questions[0].key = 'another-question';
      file.questions[0].hypotheses[0].prior = 2;
      delete file.questions[0].indicators[0].expectations['iran-preferred-target'];
    });
    const r = run('server/cli/import-scenarios.ts', path);
    assert.equal(r.status, 1);
    assert.deepEqual(r.out.split('\n'), [
      'signpost: bad.json refused',
      'signpost:   bad.json.questions.0.hypotheses.0.prior: must be less than 1',
      'signpost:   bad.json.questions.0.indicators.0.expectations.iran-preferred-target: missing: an indicator is rated against every hypothesis of its question',
    ]);
  });

  it('npm run scenarios:check validates the built-in set and reports the Indicators Validator', () => {
    const r = run('server/cli/check-scenarios.ts', 'scenarios/post-caliphate.json');
    assert.equal(r.status, 0, r.out);
    assert.match(r.out, /^post-caliphate\.json: valid; (every quote found in|quotes not checked)/);
    assert.match(
      r.out,
      /\nmain-base-2019 \(exclusive\): 5 hypotheses, 10 indicators: 9 keep, 1 weak/,
    );
    assert.match(r.out, /\n {2}weak: khorasan-holds-districts \(spread 2\)/);
    assert.match(r.out, /\n {2}iraq-syria: 9, 2, 0\n/);
  });

  it('npm run scenarios:check refuses an invalid file', () => {
    const path = alteredSample('no-rationale.json', (file) => {
      delete file.questions[0].hypotheses[1].rationale;
    });
    const r = run('server/cli/check-scenarios.ts', path);
    assert.equal(r.status, 1);
    assert.deepEqual(r.out.split('\n'), [
      'signpost: no-rationale.json refused',
      'signpost:   no-rationale.json.questions.0.hypotheses.1.rationale: is required',
    ]);
  });

  it('says how to call it without a file', () => {
    const r = run('server/cli/import-scenarios.ts');
    assert.equal(r.status, 2);
    assert.match(r.out, /^usage: npm run scenarios:import -- <file\.json>/);
  });

  it('npm run export and npm run import back up and restore, with progress and counts', async () => {
    const backup = join(scratch, 'backup.json');
    const out = run('server/cli/export.ts', backup);
    assert.equal(out.status, 0, out.out);
    assert.match(out.out, /^signpost: exported 2 users, 2 sources, 1 questions, 2 hypotheses, /);
    const question = JSON.parse(readFileSync(backup, 'utf8')).tables.questions[0].id as string;

    const elsewhere = await newTestDatabaseLocation();
    const restore = (...args: string[]) => {
      const r = spawnSync(process.execPath, ['--import', 'tsx', 'server/cli/import.ts', ...args], {
        cwd: ROOT,
        env: { ...process.env, DATABASE_URL: undefined, ...elsewhere.env },
        encoding: 'utf8',
      });
      return { status: r.status, stdout: r.stdout, stderr: r.stderr };
    };
    try {
      const first = restore(backup);
      assert.equal(first.status, 0, first.stderr);
      assert.match(first.stderr, /^signpost: questions 1\/1$/m, 'progress, table by table');
      assert.match(first.stdout, /\n {2}added: 2 sources, 1 questions, 2 hypotheses, /);
      assert.match(first.stdout, /\n {2}already stored \(kept as stored\): 2 users\n/);
      const second = restore(backup);
      assert.match(second.stdout, /\n {2}added: nothing\n/);

      const csv = join(scratch, 'bad.csv');
      writeFileSync(
        csv,
        'title,occurred_on,reliability,credibility\nFine,2018-01-01,B,2\nBad,2018-01-02,B,0\n',
      );
      const refused = restore(csv, '--question', question);
      assert.equal(refused.status, 1);
      assert.match(refused.stderr, /1 of 2 rows cannot be imported; nothing was written/);
      assert.match(
        refused.stderr,
        /body\.line\.3\.credibility: must be a credibility digit, 1 to 6/,
      );
    } finally {
      await elsewhere.remove();
    }
  });
});
