import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { join, resolve } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';

/**
 * The ceilings the app is measured against, served by a bare `node:http` server in a process of
 * its own: `tsx bench/ceilings.ts <spec.json>`.
 * - POST /evidence/{question}: the rows logging an item writes (the item, a rating per
 *   hypothesis, a ledger line per hypothesis, the model state, the audit entry), inserted by raw
 *   SQL in one transaction through a `pg` pool of the app's size (or the embedded database), with
 *   no validation, authentication or model arithmetic.
 * - GET /question: the app's own JSON for a question, sent from memory.
 * Prints "ready <port>" when it listens.
 */
interface CeilingSpec {
  databaseUrl?: string;
  dataDir?: string;
  questionJsonFile: string;
  actorId: string;
}

interface Sql {
  query(text: string, params: unknown[]): Promise<{ rows: Record<string, unknown>[] }>;
}

const spec = JSON.parse(readFileSync(process.argv[2] as string, 'utf8')) as CeilingSpec;
const question = readFileSync(spec.questionJsonFile);

async function openTransactions(): Promise<<T>(work: (sql: Sql) => Promise<T>) => Promise<T>> {
  if (spec.databaseUrl) {
    // The app's pool: the same size (see server/db/connect.ts).
    const pool = new pg.Pool({ connectionString: spec.databaseUrl, max: 10 });
    return async (work) => {
      const client = await pool.connect();
      try {
        await client.query('begin');
        const result = await work(client);
        await client.query('commit');
        return result;
      } catch (error) {
        await client.query('rollback');
        throw error;
      } finally {
        client.release();
      }
    };
  }
  const pglite = new PGlite(join(resolve(spec.dataDir as string), 'pg'));
  await pglite.waitReady;
  return (work) => pglite.transaction((tx) => work(tx));
}

const inTransaction = await openTransactions();

async function logItem(questionId: string, body: { ratings: Record<string, string> }) {
  const id = `ev_${randomUUID().replaceAll('-', '').slice(0, 26)}`;
  const hypotheses = Object.keys(body.ratings);
  const ratings = Object.values(body.ratings);
  await inTransaction(async (sql) => {
    const { rows } = await sql.query(
      `update model_states set next_seq = next_seq + 1, computed_at = now()
       where question_id = $1 returning next_seq - 1 as seq`,
      [questionId],
    );
    await sql.query(
      `insert into evidence (id, question_id, title, summary, occurred_on, reliability, credibility, relevance, recorded_by)
       values ($1, $2, 'Ceiling item', '', current_date, 'B', 2, 'medium', $3)`,
      [id, questionId, spec.actorId],
    );
    await sql.query(
      `insert into evidence_ratings (evidence_id, hypothesis_id, question_id, rating)
       select $1, h, $2, r from unnest($3::text[], $4::text[]) as t(h, r)`,
      [id, questionId, hypotheses, ratings],
    );
    await sql.query(
      `insert into model_ledger (question_id, seq, hypothesis_id, cause_type, cause_id, valid_at,
         cause_recorded_at, rating, weight, factor, p_before, p_after, parts)
       select $1, $2, h, 'evidence', $3, current_date, now(), r, 0.64, 1.5, 0.1, 0.15, '[]'::jsonb
       from unnest($4::text[], $5::text[]) as t(h, r)`,
      [questionId, rows[0]?.seq ?? 0, id, hypotheses, ratings],
    );
    await sql.query(
      `insert into audit_log (actor_id, action, entity_type, entity_id, after, request_id)
       values ($1, 'evidence.create', 'evidence', $2, $3::jsonb, $4)`,
      [spec.actorId, id, JSON.stringify(body), randomUUID()],
    );
  });
  return id;
}

const server = createServer((req, res) => {
  if (req.method === 'GET') {
    res.writeHead(200, { 'content-type': 'application/json' }).end(question);
    return;
  }
  const chunks: Buffer[] = [];
  req.on('data', (chunk: Buffer) => chunks.push(chunk));
  req.on('end', () => {
    const questionId = (req.url ?? '').split('/')[2] ?? '';
    logItem(questionId, JSON.parse(Buffer.concat(chunks).toString('utf8'))).then(
      (id) =>
        res.writeHead(201, { 'content-type': 'application/json' }).end(JSON.stringify({ id })),
      (error: Error) => res.writeHead(500).end(error.message),
    );
  });
});
server.listen(0, '127.0.0.1', () => {
  const address = server.address();
  console.log(`ready ${typeof address === 'object' && address ? address.port : 0}`);
});
process.once('SIGTERM', () => server.close(() => process.exit(0)));
