import type { LoadResult } from './load.js';
import type { Measure } from './report.js';

/** What one benchmark run measured on PostgreSQL, on the embedded database and at start-up. */
export interface RunFigures {
  postgres: {
    append: LoadResult;
    appendCeiling: LoadResult;
    read: LoadResult;
    readCeiling: LoadResult;
    timeline: LoadResult;
    thinned: LoadResult;
    growth: { items: number; p50: number; p99: number }[];
    cold: { timeline: number; thinned: number; scores: number };
    scores: { p50: number; max: number };
  };
  embedded: {
    append: LoadResult;
    appendCeiling: LoadResult;
    read: LoadResult;
    readCeiling: LoadResult;
    latency: LoadResult;
  };
  start: { first: number; restart: number };
}

/** The table's rows: each figure with its ceiling, ratio and the target it is held to. */
export function measuresOf(
  { postgres, embedded, start }: RunFigures,
  labels: { resolved: number; timelinePoints: number },
) {
  const ratio = (app: LoadResult, ceiling: LoadResult) => app.rps / ceiling.rps;
  const [smallest, largest] = [postgres.growth[0], postgres.growth.at(-1)];
  const growthRatio = (largest?.p50 ?? 0) / (smallest?.p50 ?? 1);
  const measures: Measure[] = [
    {
      name: 'log evidence, 32 connections (PostgreSQL)',
      value: `${postgres.append.rps.toFixed(0)} req/s, p50 ${postgres.append.p50} ms, p99 ${postgres.append.p99} ms`,
      ceiling: `${postgres.appendCeiling.rps.toFixed(0)} req/s`,
      ratio: ratio(postgres.append, postgres.appendCeiling),
      target: '≥ 40 %, p99 ≤ 25 ms',
      met: ratio(postgres.append, postgres.appendCeiling) >= 0.4 && postgres.append.p99 <= 25,
    },
    {
      name: 'read a question, 32 connections (PostgreSQL)',
      value: `${postgres.read.rps.toFixed(0)} req/s, p99 ${postgres.read.p99} ms`,
      ceiling: `${postgres.readCeiling.rps.toFixed(0)} req/s`,
      ratio: ratio(postgres.read, postgres.readCeiling),
      target: '≥ 25 %',
      met: ratio(postgres.read, postgres.readCeiling) >= 0.25,
    },
    {
      name: `timeline, ${labels.timelinePoints} points`,
      value: `first ${postgres.cold.timeline.toFixed(0)} ms; p50 ${postgres.timeline.p50} ms, p99 ${postgres.timeline.p99} ms`,
      target: 'p99 ≤ 30 ms',
      met: postgres.timeline.p99 <= 30,
    },
    {
      name: 'timeline, max_points=500',
      value: `first ${postgres.cold.thinned.toFixed(0)} ms; p50 ${postgres.thinned.p50} ms, p99 ${postgres.thinned.p99} ms`,
      target: 'p99 ≤ 30 ms',
      met: postgres.thinned.p99 <= 30,
    },
    ...postgres.growth.map(
      (g): Measure => ({
        name: `append p50 at ${g.items.toLocaleString('en')} items`,
        value: `p50 ${g.p50} ms, p99 ${g.p99} ms`,
        ratio: g.p50 / (smallest?.p50 ?? 1),
        target: g === largest ? '≤ 1.5 × at 1 k' : '',
        met: g === largest ? growthRatio <= 1.5 : undefined,
      }),
    ),
    {
      name: `scores over ${labels.resolved.toLocaleString('en')} resolved`,
      value: `first ${postgres.cold.scores.toFixed(0)} ms; p50 ${postgres.scores.p50.toFixed(0)} ms, max ${postgres.scores.max.toFixed(0)} ms`,
      target: '≤ 2 s',
      met: Math.max(postgres.cold.scores, postgres.scores.max) <= 2000,
    },
    {
      name: 'log evidence, 32 connections (embedded)',
      value: `${embedded.append.rps.toFixed(0)} req/s, p50 ${embedded.append.p50} ms, p99 ${embedded.append.p99} ms`,
      ceiling: `${embedded.appendCeiling.rps.toFixed(0)} req/s`,
      ratio: ratio(embedded.append, embedded.appendCeiling),
      target: '',
      met: undefined,
    },
    {
      name: 'read a question, 32 connections (embedded)',
      value: `${embedded.read.rps.toFixed(0)} req/s`,
      ceiling: `${embedded.readCeiling.rps.toFixed(0)} req/s`,
      ratio: ratio(embedded.read, embedded.readCeiling),
      target: '',
      met: undefined,
    },
    {
      name: 'append p50, one connection (embedded)',
      value: `p50 ${embedded.latency.p50} ms, p99 ${embedded.latency.p99} ms`,
      target: '',
      met: undefined,
    },
    {
      name: 'npm start → first 200, new folder',
      value: `${(start.first / 1000).toFixed(2)} s`,
      target: '≤ 6 s',
      met: start.first <= 6000,
    },
    {
      name: 'npm start → first 200, restart',
      value: `${(start.restart / 1000).toFixed(2)} s`,
      target: '≤ 1.5 s',
      met: start.restart <= 1500,
    },
  ];
  return { measures, ratio, growthRatio };
}
