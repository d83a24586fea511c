import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { SYSTEM_ACTOR } from '../server/actor.js';
import { DatabaseUnavailableError, openDatabase } from '../server/db/connect.js';
import { DataFolderLockedError, lockDataFolder } from '../server/db/data-folder-lock.js';
import { keyedId } from '../server/ids.js';
import { importScenarioFile } from '../server/services/scenario-files.js';
import { openTestDatabase, type TestDatabase } from './support/database.js';
import { DOCUMENTS, SAMPLE_PATH } from './support/fixtures.js';

const sampleHypothesis = keyedId('h', 'post-caliphate-sample/iran-preferred-target');

describe(`the schema (on ${process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite'})`, () => {
  let t: TestDatabase;
  before(async () => {
    t = await openTestDatabase();
    await importScenarioFile(t.db, SYSTEM_ACTOR, SAMPLE_PATH, DOCUMENTS);
  });
  after(async () => t.close());

  it('reads calendar dates as YYYY-MM-DD and bigint as numbers on both drivers', async () => {
    const h = await t.db
      .selectFrom('hypotheses')
      .select(['horizon'])
      .where('id', '=', sampleHypothesis)
      .executeTakeFirstOrThrow();
    assert.equal(h.horizon, '2019-12-31');
    const audit = await t.db
      .selectFrom('audit_log')
      .select('id')
      .limit(1)
      .executeTakeFirstOrThrow();
    assert.equal(typeof audit.id, 'number');
    const { rows } = await sql<{ n: unknown }>`select count(*) as n from hypotheses`.execute(t.db);
    assert.equal(rows[0]?.n, 2);
  });

  it('refuses UPDATE and DELETE on append-only tables', async () => {
    await assert.rejects(
      sql`update assessments set probability = 0.9`.execute(t.db),
      /append-only/,
    );
    await assert.rejects(sql`delete from audit_log`.execute(t.db), /append-only/);
    await assert.rejects(sql`delete from indicator_expectations`.execute(t.db), /append-only/);
    const { rows } = await sql<{ n: number }>`select count(*)::int as n from assessments`.execute(
      t.db,
    );
    assert.equal(rows[0]?.n, 2);
  });

  it('checks probabilities, kinds and grades in the database too', async () => {
    await assert.rejects(
      sql`insert into assessments (id, hypothesis_id, forecaster_kind, probability, valid_at, recorded_by)
          values ('as_x', ${sampleHypothesis}, 'model', 1.2, now(), 'u_system')`.execute(t.db),
      /assessments_probability_check/,
    );
    await assert.rejects(
      sql`insert into questions (id, title, kind, recorded_by) values ('q_x', 'x', 'maybe', 'u_system')`.execute(
        t.db,
      ),
      /questions_kind_check/,
    );
    await assert.rejects(
      sql`insert into evidence (id, question_id, title, occurred_on, reliability, credibility, recorded_by)
          values ('ev_x', ${keyedId('q', 'post-caliphate-sample')}, 'x', '2018-01-01', 'G', 7, 'u_system')`.execute(
        t.db,
      ),
      /evidence_(reliability|credibility)_check/,
    );
    await assert.rejects(
      sql`insert into assessments (id, hypothesis_id, forecaster_kind, probability, valid_at, recorded_by)
          values ('as_y', ${sampleHypothesis}, 'analyst', 0.5, now(), 'u_system')`.execute(t.db),
      /assessments_analyst_check/,
    );
  });

  it('refuses an expectation that pairs an indicator and a hypothesis of different questions', async () => {
    await sql`insert into questions (id, title, kind, recorded_by) values ('q_other', 'Other', 'independent', 'u_system')`.execute(
      t.db,
    );
    await sql`insert into indicators (id, question_id, position, title, recorded_by)
              values ('i_other', 'q_other', 0, 'Elsewhere', 'u_system')`.execute(t.db);
    await assert.rejects(
      sql`insert into indicator_expectations (id, question_id, indicator_id, hypothesis_id, expectation, recorded_by)
          values ('exp_x', 'q_other', 'i_other', ${sampleHypothesis}, 'HL', 'u_system')`.execute(
        t.db,
      ),
      /indicator_expectations_hypothesis_fk/,
    );
  });
});

describe('the embedded data folder', () => {
  it('refuses a second opener while the first holds it, naming the owner', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'signpost-lock-'));
    const release = lockDataFolder(dir);
    try {
      assert.throws(
        () => lockDataFolder(dir),
        (error: unknown) =>
          error instanceof DataFolderLockedError &&
          error.message.includes(`in use by process ${process.pid}`),
      );
    } finally {
      release();
    }
    const again = lockDataFolder(dir);
    again();
    rmSync(dir, { recursive: true });
  });

  it('takes over a lock left by a process that is gone', () => {
    const dir = mkdtempSync(join(tmpdir(), 'signpost-lock-'));
    // Above the kernel's pid_max (4194304), so no process can have it.
    writeFileSync(join(dir, 'signpost.lock'), '4194305\n');
    const release = lockDataFolder(dir);
    release();
    rmSync(dir, { recursive: true });
  });
});

describe('an unreachable PostgreSQL server', () => {
  it('fails fast with one clear line', async () => {
    const started = Date.now();
    await assert.rejects(
      openDatabase({ databaseUrl: 'postgres://nobody@127.0.0.1:1/signpost', dataDir: '' }),
      (error: unknown) =>
        error instanceof DatabaseUnavailableError &&
        /^cannot reach PostgreSQL at 127\.0\.0\.1:1\/signpost: /.test(error.message) &&
        !error.message.includes('\n'),
    );
    assert.ok(Date.now() - started < 6_000);
  });
});
