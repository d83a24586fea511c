import { readFileSync } from 'node:fs';
import autocannon from 'autocannon';

/**
 * The load generator, in a process of its own so it does not share the server's event loop:
 * `tsx bench/load.ts <spec.json>` runs autocannon with the spec and prints one JSON line of
 * results. Requests go round the spec's list (path and body each), one per request.
 */
export interface LoadSpec {
  url: string;
  method: 'GET' | 'POST';
  connections: number;
  /** Seconds, or a number of requests. */
  duration?: number;
  amount?: number;
  headers: Record<string, string>;
  requests: { path: string; body?: string }[];
}

export interface LoadResult {
  requests: number;
  rps: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
  non2xx: number;
  errors: number;
}

const spec = JSON.parse(readFileSync(process.argv[2] as string, 'utf8')) as LoadSpec;
let next = 0;
const result = await autocannon({
  url: spec.url,
  connections: spec.connections,
  ...(spec.amount ? { amount: spec.amount } : { duration: spec.duration ?? 5 }),
  headers: spec.headers,
  requests: [
    {
      method: spec.method,
      setupRequest: (request) => {
        const chosen = spec.requests[next++ % spec.requests.length];
        if (!chosen) return request;
        return { ...request, path: chosen.path, ...(chosen.body ? { body: chosen.body } : {}) };
      },
    },
  ],
});
const done: LoadResult = {
  requests: result.requests.total,
  rps: result.requests.average,
  p50: result.latency.p50,
  p90: result.latency.p90,
  p99: result.latency.p99,
  max: result.latency.max,
  non2xx: result.non2xx,
  errors: result.errors + result.timeouts,
};
console.log(JSON.stringify(done));
