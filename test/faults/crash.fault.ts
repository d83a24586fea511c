import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { setTimeout } from 'node:timers/promises';
import { sql } from 'kysely';
import { openDatabase } from '../../server/db/connect.js';
import { newTestDatabaseLocation } from '../support/database.js';
import { faultsPostgresUrl } from '../support/private-postgres.js';
import { startServer } from '../support/processes.js';
import { createQuestion, evidenceBody, HEADERS, startWriters } from '../support/writers.js';

/**
 * SIGKILL in the middle of concurrent evidence writes: after a restart every acknowledged item
 * is there with all its ratings, and nothing is half-written (each item has its ratings, its
 * audit entry and its ledger lines; the model's state agrees with its ledger).
 */
async function integrity(env: { DATABASE_URL?: string; SIGNPOST_DATA_DIR?: string }) {
  const handle = await openDatabase({
    databaseUrl: env.DATABASE_URL,
    dataDir: env.SIGNPOST_DATA_DIR ?? '',
  });
  try {
    const { rows } = await sql<Record<string, number>>`
      select
        (select count(*)::int from evidence) as items,
        (select count(*)::int from evidence e
          where (select count(*) from evidence_ratings r where r.evidence_id = e.id) <> 5) as short_of_ratings,
        (select count(*)::int from evidence e where not exists (
          select 1 from audit_log a where a.entity_id = e.id and a.action = 'evidence.create')) as unaudited,
        (select count(*)::int from evidence e
          where (select count(*) from model_ledger l where l.cause_id = e.id) <> 5) as unledgered,
        (select count(*)::int from model_states s where s.next_seq <>
          (select count(distinct seq) from model_ledger l where l.question_id = s.question_id)) as states_off
    `.execute(handle.db);
    return rows[0] as Record<string, number>;
  } finally {
    await handle.close();
  }
}

async function crashAndRecover(env: Record<string, string>, embedded: boolean) {
  const settings = { ...env, SIGNPOST_LOAD_SCENARIOS: 'false' };
  const first = await startServer(settings);
  const question = await createQuestion(first.url);
  const writers = startWriters(first.url, question, 16);
  while (writers.acknowledged.length < 150) await setTimeout(20);
  const killed = new Promise((resolve) => first.child.once('exit', resolve));
  first.child.kill('SIGKILL');
  await writers.stop();
  await killed;
  const acknowledged = [...writers.acknowledged];
  assert.ok(writers.failures.length > 0, 'some writes were in flight when the process died');

  const second = await startServer(settings);
  try {
    for (const id of acknowledged) {
      const response = await fetch(`${second.url}/api/evidence/${id}`, { headers: HEADERS });
      assert.equal(response.status, 200, `acknowledged ${id} is missing`);
      const item = (await response.json()) as { ratings: Record<string, unknown> };
      assert.deepEqual(Object.keys(item.ratings).sort(), [...question.hypotheses].sort());
    }
    const after = await fetch(`${second.url}/api/questions/${question.id}/evidence`, {
      method: 'POST',
      headers: HEADERS,
      body: evidenceBody(question, 1_000_000),
    });
    assert.equal(after.status, 201);
  } finally {
    await second.stop();
  }
  // The embedded folder is read once the server has let go of it.
  const found = await integrity(env);
  assert.ok(found.items !== undefined && found.items >= acknowledged.length + 1);
  assert.deepEqual(
    { ...found, items: 0 },
    { items: 0, short_of_ratings: 0, unaudited: 0, unledgered: 0, states_off: 0 },
    embedded ? 'the embedded folder' : 'PostgreSQL',
  );
}

describe('a crash under concurrent writes', () => {
  it('loses nothing acknowledged on PostgreSQL', async (t) => {
    const url = await faultsPostgresUrl();
    if (!url) return t.skip('no PostgreSQL server reachable');
    const location = await newTestDatabaseLocation(url);
    try {
      await crashAndRecover(location.env as Record<string, string>, false);
    } finally {
      await location.remove();
    }
  });

  it('reopens the embedded folder cleanly, with everything acknowledged', async () => {
    const location = await newTestDatabaseLocation('');
    try {
      await crashAndRecover(location.env as Record<string, string>, true);
    } finally {
      await location.remove();
    }
  });
});
