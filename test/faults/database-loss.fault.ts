import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { setTimeout } from 'node:timers/promises';
import { privateCluster } from '../support/private-postgres.js';
import { startServer } from '../support/processes.js';
import { createQuestion, evidenceBody, HEADERS } from '../support/writers.js';

interface Answer {
  at: number;
  ms: number;
  status: number;
  type: string | null;
  code?: string;
  retryAfter: string | null;
}

describe('losing the database under load', () => {
  it('answers 503 problem+json at once, stays up, and recovers when PostgreSQL returns', async (t) => {
    const cluster = await privateCluster();
    if (!cluster) return t.skip('needs root and the PostgreSQL server binaries');
    const server = await startServer({
      DATABASE_URL: cluster.url,
      SIGNPOST_LOAD_SCENARIOS: 'false',
    });
    try {
      const question = await createQuestion(server.url);
      const answers: Answer[] = [];
      const failures: string[] = [];
      let running = true;
      let n = 0;
      const loops = Array.from({ length: 8 }, async (_, loop) => {
        while (running) {
          const started = performance.now();
          const write = loop % 2 === 0;
          const response = await fetch(
            `${server.url}/api/questions/${question.id}${write ? '/evidence' : ''}`,
            write
              ? { method: 'POST', headers: HEADERS, body: evidenceBody(question, n++) }
              : { headers: HEADERS },
          ).catch((error: Error) => {
            failures.push(`${error.message}: ${(error.cause as Error | undefined)?.message}`);
            return undefined;
          });
          if (!response) continue;
          const body = (await response.json()) as { code?: string };
          answers.push({
            at: Date.now(),
            ms: performance.now() - started,
            status: response.status,
            type: response.headers.get('content-type'),
            code: body.code,
            retryAfter: response.headers.get('retry-after'),
          });
          if (response.status === 503) await setTimeout(20);
        }
      });

      await setTimeout(1_000);
      cluster.stop();
      const stoppedAt = Date.now();
      await setTimeout(2_000);
      assert.equal(server.child.exitCode, null, 'the process stays up');
      cluster.start();
      const startedAt = Date.now();
      let recovered: number | undefined;
      while (recovered === undefined && Date.now() - startedAt < 15_000) {
        await setTimeout(100);
        recovered = answers.find((a) => a.at > startedAt && a.status === 201)?.at;
      }
      await setTimeout(500);
      running = false;
      await Promise.all(loops);

      assert.deepEqual(failures, [], 'every request is answered');
      const outage = answers.filter((a) => a.at > stoppedAt + 200 && a.at < startedAt);
      assert.ok(outage.length > 20, `requests were answered during the outage (${outage.length})`);
      for (const a of outage) {
        assert.equal(a.status, 503);
        assert.equal(a.type, 'application/problem+json');
        assert.equal(a.code, 'unavailable');
        assert.equal(a.retryAfter, '2');
        assert.ok(a.ms < 1_000, `a refusal took ${a.ms.toFixed(0)} ms`);
      }
      assert.deepEqual(
        [...new Set(answers.map((a) => a.status))].filter((s) => ![200, 201, 503].includes(s)),
        [],
        'nothing but success or 503',
      );
      assert.ok(recovered, 'writes succeed again once PostgreSQL is back');
      const reads = answers.filter((a) => a.at > (recovered as number));
      assert.ok(reads.length > 0 && reads.every((a) => a.status !== 503), 'and stay successful');
    } finally {
      await server.stop();
      cluster.remove();
    }
  });
});
