import assert from 'node:assert/strict';
import { connect } from 'node:net';
import { describe, it } from 'node:test';
import { setTimeout } from 'node:timers/promises';
import pg from 'pg';
import { privateCluster } from '../support/private-postgres.js';
import { startServer } from '../support/processes.js';
import { createQuestion, evidenceBody, HEADERS } from '../support/writers.js';

async function appConnections(url: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ n: number }>(
      "select count(*)::int as n from pg_stat_activity where application_name = 'signpost'",
    );
    return rows[0]?.n ?? -1;
  } finally {
    await client.end();
  }
}

describe('graceful shutdown', () => {
  it('on SIGTERM stops accepting, answers the request in flight, then closes the pool', async (t) => {
    const cluster = await privateCluster();
    if (!cluster) return t.skip('needs root and the PostgreSQL server binaries');
    try {
      const server = await startServer({
        DATABASE_URL: cluster.url,
        SIGNPOST_LOAD_SCENARIOS: 'false',
      });
      let output = '';
      server.child.stdout?.on('data', (chunk: Buffer) => {
        output += chunk.toString();
      });
      const exited = new Promise<number | null>((resolve) => server.child.once('exit', resolve));
      const question = await createQuestion(server.url);
      assert.ok((await appConnections(cluster.url)) > 0);

      // A request whose body is still arriving when the signal comes.
      const body = Buffer.from(evidenceBody(question, 1));
      const { port } = new URL(server.url);
      const socket = connect(Number(port), '127.0.0.1');
      await new Promise((resolve) => socket.once('connect', resolve));
      let response = '';
      socket.on('data', (chunk: Buffer) => {
        response += chunk.toString();
      });
      socket.write(
        `POST /api/questions/${question.id}/evidence HTTP/1.1\r\nHost: localhost\r\n` +
          `Authorization: ${HEADERS.authorization}\r\nContent-Type: application/json\r\n` +
          `Content-Length: ${body.length}\r\n\r\n`,
      );
      socket.write(body.subarray(0, 20));
      await setTimeout(100);
      server.child.kill('SIGTERM');
      await setTimeout(300);

      await assert.rejects(
        fetch(`${server.url}/api/me`, { headers: HEADERS }),
        'new connections are refused',
      );
      assert.equal(server.child.exitCode, null, 'still finishing the request in flight');
      socket.write(body.subarray(20));
      await new Promise((resolve) => socket.once('close', resolve));
      assert.match(response, /^HTTP\/1\.1 201 /);
      assert.match(response, /"title":"Report 1"/);

      assert.equal(await exited, 0);
      assert.match(output, /SIGTERM: finishing requests in flight/);
      assert.match(output, /signpost: stopped/);
      assert.equal(await appConnections(cluster.url), 0, 'the pool is closed');
    } finally {
      cluster.remove();
    }
  });
});
