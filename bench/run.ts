import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { SYSTEM_ACTOR } from '../server/actor.js';
import { openDatabase } from '../server/db/connect.js';
import { migrateToLatest } from '../server/db/migrate.js';
import { createUser } from '../server/services/accounts.js';
import {
  type Running,
  runLoad,
  SERVER_TOKEN,
  startCeilings,
  startServer,
  timeNpmStart,
} from '../test/support/processes.js';
import {
  addHistory,
  addResolvedRecord,
  type BenchQuestion,
  defineQuestions,
  evidenceItem,
  seeded,
} from './generate.js';
import type { LoadSpec } from './load.js';
import { printTable } from './report.js';
import { measuresOf } from './targets.js';

/**
 * `npm run bench` (`-- --quick` for smaller data in under three minutes): builds the synthetic
 * load (generate.ts), starts the app as `npm start` does, on PostgreSQL and then on the embedded
 * database, drives it over HTTP from a separate process (load.ts) and compares it with ceilings
 * measured in the same run (ceilings.ts). Prints one table; writes bench/results.json.
 * BENCH_POSTGRES_URL names the server (a database of its own is created and dropped).
 */
const quick = process.argv.includes('--quick');
const PLAN = quick
  ? {
      questions: 20,
      histories: [1_000, 10_000],
      resolved: 1_000,
      embedded: 1_000,
      seconds: 4,
      latencyRequests: 300,
    }
  : {
      questions: 200,
      histories: [1_000, 100_000, 1_000_000],
      resolved: 10_000,
      embedded: 10_000,
      seconds: 10,
      latencyRequests: 1_000,
    };
const SHAPE = { hypotheses: 10, indicators: 8 };
const TIMELINE_POINTS = 10_000;
const CONNECTIONS = 32;
const AUTH = { authorization: `Bearer ${SERVER_TOKEN}`, 'content-type': 'application/json' };
const TODAY = new Date().toISOString().slice(0, 10);

const began = performance.now();
const log = (message: string) =>
  console.error(`bench: ${((performance.now() - began) / 1000).toFixed(0)} s: ${message}`);
const random = seeded(20_171_017);

/** Today's items for the load, spread over every question: always after the history in valid time. */
function appendRequests(questions: readonly BenchQuestion[], count: number) {
  return Array.from({ length: count }, (_, n) => {
    const question = questions[n % questions.length] as BenchQuestion;
    return {
      path: `/api/questions/${question.id}/evidence`,
      body: JSON.stringify(evidenceItem(random, question, 50_000_000 + n, TODAY)),
    };
  });
}

async function load(
  url: string,
  method: LoadSpec['method'],
  requests: LoadSpec['requests'],
  shape: Partial<LoadSpec>,
) {
  const result = await runLoad({ url, method, connections: 1, headers: AUTH, requests, ...shape });
  if (result.non2xx > 0 || result.errors > 0) {
    throw new Error(
      `${method} ${requests[0]?.path}: ${result.non2xx} non-2xx, ${result.errors} errors`,
    );
  }
  return result;
}

/** An admin (who owns the benchmark's API token) and two analysts who judge; returns the analysts. */
async function benchUsers(db: Parameters<typeof createUser>[0]) {
  const made = [];
  for (const [name, role] of [
    ['bench-admin', 'admin'],
    ['bench-analyst-a', 'analyst'],
    ['bench-analyst-b', 'analyst'],
  ] as const) {
    const { user } = await createUser(db, SYSTEM_ACTOR, {
      username: name,
      display_name: name,
      role,
      password: 'correct horse battery staple',
    });
    made.push({ userId: user.id, role });
  }
  return made.slice(1);
}

interface Store {
  env: Record<string, string>;
  ceilingSpec: { databaseUrl?: string; dataDir?: string };
  remove(): Promise<void>;
}

async function postgresStore(): Promise<Store> {
  const admin = process.env.BENCH_POSTGRES_URL ?? 'postgres://root@127.0.0.1:5432/postgres';
  const name = `signpost_bench_${process.pid}`;
  const run = async (text: string) => {
    const client = new pg.Client({ connectionString: admin });
    await client.connect();
    await client.query(text).finally(() => client.end());
  };
  await run(`create database ${name}`);
  const url = new URL(admin);
  url.pathname = `/${name}`;
  return {
    env: { DATABASE_URL: url.toString() },
    ceilingSpec: { databaseUrl: url.toString() },
    remove: () => run(`drop database if exists ${name} with (force)`),
  };
}

function embeddedStore(): Store {
  const dir = mkdtempSync(join(tmpdir(), 'signpost-bench-'));
  return {
    env: { SIGNPOST_DATA_DIR: dir },
    ceilingSpec: { dataDir: dir },
    remove: async () => rmSync(dir, { recursive: true, force: true }),
  };
}

async function openStore(store: Store) {
  const handle = await openDatabase({
    databaseUrl: store.env.DATABASE_URL,
    dataDir: store.env.SIGNPOST_DATA_DIR ?? '',
  });
  await migrateToLatest(handle.db);
  return handle;
}

/** Throughput of logging evidence and reading a question, each against its ceiling. */
async function againstCeilings(
  server: Running,
  store: Store,
  questions: readonly BenchQuestion[],
  stopServer: boolean,
) {
  const seconds = PLAN.seconds;
  const first = questions[0] as BenchQuestion;
  const appends = appendRequests(questions, 4_000);
  await load(server.url, 'POST', appends, { duration: 2, connections: CONNECTIONS }); // warm-up
  const append = await load(server.url, 'POST', appendRequests(questions, 20_000), {
    duration: seconds,
    connections: CONNECTIONS,
  });
  const readPath = [{ path: `/api/questions/${first.id}` }];
  const read = await load(server.url, 'GET', readPath, {
    duration: seconds,
    connections: CONNECTIONS,
  });
  const questionJson = await (
    await fetch(`${server.url}${readPath[0]?.path}`, { headers: AUTH })
  ).text();
  if (stopServer) await server.stop();
  const dir = mkdtempSync(join(tmpdir(), 'signpost-question-'));
  const questionJsonFile = join(dir, 'question.json');
  writeFileSync(questionJsonFile, questionJson);
  const ceilings = await startCeilings({
    ...store.ceilingSpec,
    questionJsonFile,
    actorId: 'u_system',
  });
  try {
    // /api/questions/{id}/evidence → /evidence/{id}
    const ceilingAppends = appends.map((r) => ({
      ...r,
      path: `/evidence/${r.path.split('/')[3]}`,
    }));
    await load(ceilings.url, 'POST', ceilingAppends, { duration: 2, connections: CONNECTIONS });
    const appendCeiling = await load(ceilings.url, 'POST', ceilingAppends, {
      duration: seconds,
      connections: CONNECTIONS,
    });
    const readCeiling = await load(ceilings.url, 'GET', [{ path: '/question' }], {
      duration: seconds,
      connections: CONNECTIONS,
    });
    return { append, appendCeiling, read, readCeiling };
  } finally {
    await ceilings.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

const appendLatency = (server: Running, questions: readonly BenchQuestion[]) =>
  load(server.url, 'POST', appendRequests(questions, PLAN.latencyRequests), {
    amount: PLAN.latencyRequests,
  });

async function timeOnce(url: string) {
  const started = performance.now();
  const response = await fetch(url, { headers: AUTH });
  await response.arrayBuffer();
  if (response.status !== 200) throw new Error(`${url}: ${response.status}`);
  return performance.now() - started;
}

async function timeScores(server: Running) {
  const ms: number[] = [];
  for (let i = 0; i < 6; i++) {
    const started = performance.now();
    const response = await fetch(`${server.url}/api/scores`, { headers: AUTH });
    const body = (await response.json()) as { forecasters: { forecaster: string; n: number }[] };
    if (response.status !== 200) throw new Error(`scores: ${response.status}`);
    if (i > 0) ms.push(performance.now() - started);
    if (i === 0)
      log(`scores cover ${Math.max(...body.forecasters.map((f) => f.n))} resolved forecasts`);
  }
  ms.sort((a, b) => a - b);
  return { p50: ms[Math.floor(ms.length / 2)] as number, max: ms.at(-1) as number };
}

async function onPostgres() {
  const store = await postgresStore();
  const handle = await openStore(store);
  let server: Running | undefined;
  try {
    log('PostgreSQL: defining questions');
    const questions = await defineQuestions(handle.db, SYSTEM_ACTOR, random, PLAN.questions, SHAPE);
    const [long] = await defineQuestions(handle.db, SYSTEM_ACTOR, random, 1, {
      ...SHAPE,
      kind: 'independent',
    });
    log(`PostgreSQL: ${TIMELINE_POINTS} items on one question, for its timeline`);
    await addHistory(handle.db, SYSTEM_ACTOR, random, [long as BenchQuestion], TIMELINE_POINTS, {
      from: '2016-02-01',
      to: '2026-06-30',
      firstNumber: 20_000_000,
    });
    log(`PostgreSQL: ${PLAN.resolved} hypotheses judged and resolved`);
    await addResolvedRecord(
      handle.db,
      SYSTEM_ACTOR,
      await benchUsers(handle.db),
      random,
      PLAN.resolved,
    );
    const growth: { items: number; p50: number; p99: number }[] = [];
    let had = 0;
    for (const size of PLAN.histories) {
      log(`PostgreSQL: history of ${size} items`);
      await addHistory(handle.db, SYSTEM_ACTOR, random, questions, size - had, {
        from: '2016-02-01',
        to: '2026-06-30',
        firstNumber: had,
      });
      had = size;
      server ??= await startServer(store.env);
      if (growth.length === 0) await appendLatency(server, questions); // warm-up
      const latency = await appendLatency(server, questions);
      growth.push({ items: size, p50: latency.p50, p99: latency.p99 });
    }
    if (!server) throw new Error('no history sizes');
    log('PostgreSQL: timeline and scores');
    const hypothesis = long?.hypotheses[0];
    // The first of each is computed; repeats within the read cache's time are served from it.
    const cold = {
      timeline: await timeOnce(`${server.url}/api/hypotheses/${hypothesis}/timeline`),
      thinned: await timeOnce(`${server.url}/api/hypotheses/${hypothesis}/timeline?max_points=500`),
      scores: await timeOnce(`${server.url}/api/scores`),
    };
    const timeline = await load(
      server.url,
      'GET',
      [{ path: `/api/hypotheses/${hypothesis}/timeline` }],
      { amount: 200 },
    );
    const thinned = await load(
      server.url,
      'GET',
      [{ path: `/api/hypotheses/${hypothesis}/timeline?max_points=500` }],
      { amount: 200 },
    );
    const scores = await timeScores(server);
    log('PostgreSQL: throughput against the ceilings');
    const ceilings = await againstCeilings(server, store, questions, false);
    return { growth, cold, timeline, thinned, scores, ...ceilings };
  } finally {
    await server?.stop();
    await handle.close();
    await store.remove();
  }
}

async function onEmbedded() {
  const store = embeddedStore();
  try {
    const handle = await openStore(store);
    log(`embedded: ${PLAN.embedded} items over 20 questions`);
    const questions = await defineQuestions(handle.db, SYSTEM_ACTOR, random, 20, SHAPE);
    await addHistory(handle.db, SYSTEM_ACTOR, random, questions, PLAN.embedded, {
      from: '2016-02-01',
      to: '2026-06-30',
      firstNumber: 0,
    });
    await handle.close();
    const server = await startServer(store.env);
    await appendLatency(server, questions);
    const latency = await appendLatency(server, questions);
    return { latency, ...(await againstCeilings(server, store, questions, true)) };
  } finally {
    await store.remove();
  }
}

async function startUp() {
  const dir = mkdtempSync(join(tmpdir(), 'signpost-start-'));
  try {
    const env = { SIGNPOST_DATA_DIR: dir };
    const first = await timeNpmStart(env, '/sign-in');
    const restarts = [];
    for (let i = 0; i < 3; i++) restarts.push(await timeNpmStart(env, '/sign-in'));
    restarts.sort((a, b) => a - b);
    return { first, restart: restarts[1] as number };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const started = performance.now();
const postgres = await onPostgres();
const embedded = await onEmbedded();
log('start-up');
const start = await startUp();

const { measures, ratio, growthRatio } = measuresOf(
  { postgres, embedded, start },
  { resolved: PLAN.resolved, timelinePoints: TIMELINE_POINTS },
);
printTable(measures);
const results = {
  quick,
  at: new Date().toISOString(),
  machine: {
    cpus: cpus().length,
    cpu: cpus()[0]?.model,
    memory_gib: Math.round(totalmem() / 2 ** 30),
    node: process.version,
  },
  plan: { ...PLAN, ...SHAPE, timeline_points: TIMELINE_POINTS, connections: CONNECTIONS },
  append_ratio: ratio(postgres.append, postgres.appendCeiling),
  read_ratio: ratio(postgres.read, postgres.readCeiling),
  append_growth: growthRatio,
  embedded_append_ratio: ratio(embedded.append, embedded.appendCeiling),
  embedded_read_ratio: ratio(embedded.read, embedded.readCeiling),
  postgres,
  embedded,
  start_ms: start,
  measures,
  seconds: Math.round((performance.now() - started) / 1000),
};
writeFileSync(new URL('results.json', import.meta.url), `${JSON.stringify(results, null, 2)}\n`);
log(`done in ${results.seconds} s; wrote bench/results.json`);
