import { performance } from 'node:perf_hooks';
import { sql } from 'kysely';
import { openDatabase } from './server/db/connect.js';
import { readQuestion } from './server/services/question-reads.js';

const handle = await openDatabase({ dataDir: '/tmp/sp-data' });
const db = handle.db;
const id = 'q_uua76oaajbik7tfo';
const q = await readQuestion(db, id);
const ids = sql.join(q.hypotheses.map((h) => h.id));
async function t(name: string, f: () => Promise<unknown>) {
  await f();
  const t0 = performance.now();
  for (let i = 0; i < 5; i++) await f();
  console.log(name, ((performance.now() - t0) / 5).toFixed(1), 'ms');
}
await t('group spans plain', () =>
  sql`select hypothesis_id, width_bucket(extract(epoch from valid_at), 1.4e9, 1.8e9, 200) s, min(p_after), max(p_after), max(seq), min(seq) from model_ledger where hypothesis_id in (${ids}) group by 1, 2`.execute(
    db,
  ),
);
await t('group spans with picks', () =>
  sql`select hypothesis_id, width_bucket(extract(epoch from valid_at), 1.4e9, 1.8e9, 200) s, min(seq) first_seq, max(seq) last_seq, (array_agg(seq order by p_after, seq))[1] low_seq, (array_agg(seq order by p_after desc, seq))[1] high_seq from model_ledger where hypothesis_id in (${ids}) group by 1, 2`.execute(
    db,
  ),
);
await t('scan only', () =>
  sql`select count(*), sum(p_after) from model_ledger where hypothesis_id in (${ids})`.execute(db),
);
await handle.close();
