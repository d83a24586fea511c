import { SERVER_TOKEN } from './processes.js';

/** What fault tests write and read over real HTTP, as a script with the admin token would. */

export const HEADERS = {
  authorization: `Bearer ${SERVER_TOKEN}`,
  'content-type': 'application/json',
};

export interface WrittenQuestion {
  id: string;
  hypotheses: string[];
}

/** Creates an exclusive question of five hypotheses. */
export async function createQuestion(url: string): Promise<WrittenQuestion> {
  const response = await fetch(`${url}/api/questions`, {
    method: 'POST',
    headers: HEADERS,
    body: JSON.stringify({
      title: 'Where does the network regroup?',
      kind: 'exclusive',
      hypotheses: Array.from({ length: 5 }, (_, i) => ({
        title: `Region ${i}`,
        statement: `The network regroups in region ${i}.`,
        horizon: '2030-12-31',
        resolution_criteria: 'Two independent reports.',
        prior: 0.2,
      })),
    }),
  });
  if (response.status !== 201)
    throw new Error(`question: ${response.status} ${await response.text()}`);
  const body = (await response.json()) as { id: string; hypotheses: { id: string }[] };
  return { id: body.id, hypotheses: body.hypotheses.map((h) => h.id) };
}

const RATINGS = ['CC', 'C', 'N', 'I', 'II'] as const;

/** An item rating every hypothesis, numbered `n`. */
export function evidenceBody(question: WrittenQuestion, n: number) {
  return JSON.stringify({
    title: `Report ${n}`,
    occurred_on: '2026-01-01',
    reliability: 'B',
    credibility: 2,
    ratings: Object.fromEntries(question.hypotheses.map((h, i) => [h, RATINGS[(n + i) % 5]])),
  });
}

/**
 * `writers` loops logging evidence until `stop()` is called or the server goes away; returns the
 * ids of the items the server acknowledged with a 2xx.
 */
export function startWriters(url: string, question: WrittenQuestion, writers: number) {
  const acknowledged: string[] = [];
  const failures: unknown[] = [];
  let running = true;
  let n = 0;
  const loops = Array.from({ length: writers }, async () => {
    while (running) {
      try {
        const response = await fetch(`${url}/api/questions/${question.id}/evidence`, {
          method: 'POST',
          headers: HEADERS,
          body: evidenceBody(question, n++),
        });
        const body = (await response.json()) as { id?: string };
        if (response.status === 201 && body.id) acknowledged.push(body.id);
      } catch (error) {
        failures.push(error);
        return;
      }
    }
  });
  return {
    acknowledged,
    failures,
    stop: async () => {
      running = false;
      await Promise.all(loops);
    },
  };
}
