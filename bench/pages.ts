import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { gzipSync } from 'node:zlib';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { SYSTEM_ACTOR } from '../server/actor.js';
import { createApp } from '../server/app.js';
import { loadConfig } from '../server/config.js';
import { openDatabase } from '../server/db/connect.js';
import { migrateToLatest } from '../server/db/migrate.js';
import { RATINGS } from '../server/domain/ratings.js';
import { createUser } from '../server/services/accounts.js';
import { createApiToken } from '../server/services/api-tokens.js';
import { logEvidence } from '../server/services/evidence.js';
import {
  exportDocument,
  importDocument,
  parseExportDocument,
} from '../server/services/export-document.js';
import { readQuestions } from '../server/services/question-reads.js';
import { resolveHypothesis } from '../server/services/resolutions.js';
import { loadScenarioFolder } from '../server/services/scenario-files.js';
import { newTestDatabaseLocation } from '../test/support/database.js';

/**
 * Page server time with the built-in scenarios plus ITEMS evidence items (logged through the
 * service, in valid-time order, every tenth reporting an indicator) and every hypothesis
 * resolved, over real HTTP. The
 * baseline is a bare handler sending the same bytes from memory, measured in the same run.
 *
 *   npm run bench:pages                 # embedded PGlite in a temporary folder
 *   DATABASE_URL=postgres://… npm run bench:pages   # a schema of its own, dropped after
 */
const ITEMS = Number(process.env.BENCH_ITEMS ?? 5000);
const RUNS = Number(process.env.BENCH_RUNS ?? 30);

const config = loadConfig();
const location = await newTestDatabaseLocation();
const handle = await openDatabase({
  databaseUrl: location.env.DATABASE_URL,
  dataDir: location.env.SIGNPOST_DATA_DIR ?? '',
});
await migrateToLatest(handle.db);
await loadScenarioFolder(handle.db, SYSTEM_ACTOR, config.scenariosDir, config.sourceDocumentsDir);
const questions = await readQuestions(handle.db, {});
const heavy =
  questions.find((q) => q.kind === 'exclusive' && q.indicators.length > 0) ?? questions[0];
if (!heavy) throw new Error('no built-in questions');

let seed = 7;
const random = () => {
  seed = (seed * 48271) % 2147483647;
  return seed / 2147483647;
};
const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)] as T;
const start = Date.parse('2017-01-01T00:00:00Z');
const span = Date.now() - 86_400_000 - start;
const loggingStarted = performance.now();
for (let i = 0; i < ITEMS; i++) {
  const day = new Date(start + (span * i) / ITEMS).toISOString().slice(0, 10);
  await logEvidence(handle.db, SYSTEM_ACTOR, heavy.id, {
    title: `Report ${i}: movement near ${pick(['Deir ez-Zor', 'Sirte', 'Nangarhar', 'Mosul', 'Sahel'])}`,
    summary: 'Synthetic item for measurement.',
    occurred_on: day,
    reliability: pick(['A', 'B', 'C', 'D', 'E', 'F'] as const),
    credibility: pick([1, 2, 3, 4, 5, 6] as const),
    relevance: 'medium',
    ratings: Object.fromEntries(heavy.hypotheses.map((h) => [h.id, pick(RATINGS)])),
    observations:
      i % 10 === 0 && heavy.indicators.length > 0
        ? [
            {
              indicator_id: pick(heavy.indicators).id,
              status: pick(['EMERGING', 'OBSERVED'] as const),
              note: '',
            },
          ]
        : [],
  });
}
const loggingMs = performance.now() - loggingStarted;

// Every hypothesis resolved, for the review pages: the heavy set by its first hypothesis (its
// siblings follow), the rest alternately true and false at their horizons.
for (const q of questions) {
  const members = q.id === heavy.id ? q.hypotheses.slice(0, 1) : q.hypotheses;
  for (const [i, h] of members.entries()) {
    await resolveHypothesis(handle.db, SYSTEM_ACTOR, h.id, {
      outcome: q.id === heavy.id || i % 2 === 0 ? 'true' : 'false',
      resolved_at: h.horizon,
      note: 'Synthetic outcome for measurement.',
    });
  }
}

// Requests carry an admin's API token, as a script would; checking it is part of what is timed.
const { user: benchAdmin } = await createUser(handle.db, SYSTEM_ACTOR, {
  username: `bench-${Date.now()}`,
  display_name: 'Benchmark',
  role: 'admin',
});
const { token } = await createApiToken(
  handle.db,
  { userId: benchAdmin.id, role: 'admin' },
  { name: 'bench' },
);
const authorization = { authorization: `Bearer ${token}` };
const app = createApp({ db: handle.db });
const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
await new Promise<void>((resolve) => server.once('listening', resolve));
const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

async function time(path: string) {
  const ms: number[] = [];
  let bytes = 0;
  let body = '';
  for (let i = 0; i < RUNS + 3; i++) {
    const t0 = performance.now();
    const response = await fetch(`${base}${path}`, { headers: authorization });
    body = await response.text();
    if (response.status !== 200) throw new Error(`${path}: ${response.status}`);
    if (i >= 3) ms.push(performance.now() - t0);
    bytes = body.length;
  }
  ms.sort((a, b) => a - b);
  const at = (q: number) => ms[Math.min(ms.length - 1, Math.floor(q * ms.length))] as number;
  return { p50: at(0.5), p95: at(0.95), bytes, gzip: gzipSync(body).length, body };
}

const hypothesis = heavy.hypotheses[0]?.id;
const pages = {
  dashboard: '/',
  question: `/questions/${heavy.id}`,
  'question as of (replay)': `/questions/${heavy.id}?as_of=${encodeURIComponent(new Date().toISOString())}`,
  'question, log filtered': `/questions/${heavy.id}?q=Sirte&reliability=A,B`,
  'question, all matrix rows': `/questions/${heavy.id}?matrix_rows=all`,
  hypothesis: `/hypotheses/${hypothesis}`,
  'log evidence form': `/questions/${heavy.id}/evidence/new`,
  review: '/review',
  'post-mortem': `/review/hypotheses/${hypothesis}`,
  'GET /api/scores': '/api/scores',
  'GET /api/scores as of (replay)': `/api/scores?as_of=${encodeURIComponent(new Date().toISOString())}`,
  'scores CSV': '/api/scores/forecasts?format=csv',
  brief: `/questions/${heavy.id}/brief`,
  'timeline PNG (2×)': `/api/questions/${heavy.id}/charts/timeline`,
  'timeline SVG': `/api/questions/${heavy.id}/charts/timeline?format=svg`,
  'probabilities PNG (2×)': `/api/questions/${heavy.id}/charts/probabilities`,
  'calibration PNG (2×)': '/api/charts/calibration',
  'scores PNG (2×)': '/api/charts/scores',
  'GET /api/export': '/api/export',
  'evidence CSV': `/api/export/evidence.csv?question=${heavy.id}`,
  'assessments CSV': '/api/export/assessments.csv',
};
const results: Record<string, Awaited<ReturnType<typeof time>>> = {};
for (const [name, path] of Object.entries(pages)) results[name] = await time(path);

// The baseline: the same question page's bytes from memory through a bare handler.
const questionBody = (results.question as { body: string }).body;
const bare = new Hono().get('/', (c) => c.html(questionBody));
const bareServer = serve({ fetch: bare.fetch, port: 0, hostname: '127.0.0.1' });
await new Promise<void>((resolve) => bareServer.once('listening', resolve));
const bareBase = `http://127.0.0.1:${(bareServer.address() as AddressInfo).port}`;
const bareMs: number[] = [];
for (let i = 0; i < RUNS + 3; i++) {
  const t0 = performance.now();
  await (await fetch(bareBase)).text();
  if (i >= 3) bareMs.push(performance.now() - t0);
}
bareMs.sort((a, b) => a - b);
const bareP50 = bareMs[Math.floor(bareMs.length / 2)] as number;

console.log(
  `signpost pages: ${handle.description}; ${questions.length} questions, ${ITEMS} evidence items on “${heavy.title}” (${heavy.hypotheses.length} hypotheses), logged in ${(loggingMs / 1000).toFixed(1)} s; ${RUNS} sequential requests each`,
);
console.log('| page or endpoint | p50 ms | p95 ms | p50 ÷ bare handler | KiB | gzip KiB |');
console.log('|---|---|---|---|---|---|');
for (const [name, r] of Object.entries(results)) {
  console.log(
    `| ${name} | ${r.p50.toFixed(1)} | ${r.p95.toFixed(1)} | ${(r.p50 / bareP50).toFixed(1)} | ${(r.bytes / 1024).toFixed(0)} | ${(r.gzip / 1024).toFixed(0)} |`,
  );
}
console.log(`| bare handler, same bytes as “question” | ${bareP50.toFixed(2)} | | 1.0 | | |`);

// Restore: the whole export imported into an empty database, through the service.
const exported = await exportDocument(handle.db);
const rows = Object.values(exported.tables).reduce((n, t) => n + t.length, 0);
const target = await newTestDatabaseLocation();
const restored = await openDatabase({
  databaseUrl: target.env.DATABASE_URL,
  dataDir: target.env.SIGNPOST_DATA_DIR ?? '',
});
await migrateToLatest(restored.db);
const importStarted = performance.now();
await importDocument(restored.db, SYSTEM_ACTOR, parseExportDocument(exported));
const importMs = performance.now() - importStarted;
console.log(
  `import of the whole export (${rows} rows) into an empty database, models rebuilt: ${(importMs / 1000).toFixed(2)} s (${Math.round(rows / (importMs / 1000))} rows/s)`,
);

server.close();
bareServer.close();
await restored.close();
await target.remove();
await handle.close();
await location.remove();
