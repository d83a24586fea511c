import assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { QuestionListSchema } from '../server/schemas/views.js';
import { newTestDatabaseLocation, type TestDatabaseLocation } from './support/database.js';

const ROOT = new URL('..', import.meta.url).pathname;
/** The admin API token the first start provisions, as automation would set it. */
const BOOTSTRAP = 'test-bootstrap-token-0123456789abcdefghij';

interface Started {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

/** `npm start`'s command (the bundled server, which `npm test` builds first), with `env`. */
function start(env: Record<string, string | undefined>): Started {
  const child = spawn(process.execPath, ['dist/server.mjs'], {
    cwd: ROOT,
    env: {
      ...process.env,
      DATABASE_URL: undefined,
      SIGNPOST_DATA_DIR: undefined,
      PORT: '0',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (d) => {
    output += d;
  });
  child.stderr?.on('data', (d) => {
    output += d;
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, output: () => output, exited };
}

async function listening(s: Started, timeoutMs = 60_000): Promise<URL> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const m = /listening on (http:\/\/localhost:\d+) with /.exec(s.output());
    if (m?.[1]) return new URL(m[1]);
    if (s.child.exitCode !== null) break;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`the server did not start: ${s.output()}`);
}

describe('npm start', () => {
  let location: TestDatabaseLocation;
  let server: Started;
  let url: URL;
  before(async () => {
    location = await newTestDatabaseLocation();
    server = start({ ...location.env, SIGNPOST_BOOTSTRAP_TOKEN: BOOTSTRAP });
    url = await listening(server);
  });
  after(async () => {
    if (server.child.exitCode === null) server.child.kill('SIGTERM');
    await server.exited;
    await location.remove();
  });

  it('logs where it listens, which database, what it loaded, and the first admin once', () => {
    const lines = server.output().trim().split('\n');
    assert.equal(lines.length, 3, server.output());
    assert.match(
      lines[1] ?? '',
      /^signpost: first start: sign in as "admin" with the one-time password [A-Za-z0-9_-]{20} \(you will be asked to change it\)$/,
    );
    assert.equal(
      lines[2],
      'signpost: provisioned the admin API token from SIGNPOST_BOOTSTRAP_TOKEN',
    );
    const database =
      location.kind === 'postgres'
        ? /with PostgreSQL at /
        : /with embedded PostgreSQL \(PGlite\) in /;
    assert.match(lines[0] ?? '', database);
    assert.match(lines[0] ?? '', /loaded post-caliphate\.json( \(quotes not checked: [^)]+\))?$/);
  });

  it('serves every question of the built-in scenarios, whole, over HTTP', async () => {
    const file = JSON.parse(readFileSync(join(ROOT, 'scenarios/post-caliphate.json'), 'utf8'));
    const questions = new URL('/api/questions?tag=post-caliphate', url);
    assert.equal((await fetch(questions)).status, 401, 'nothing is served to anonymous requests');
    const res = await fetch(questions, { headers: { authorization: `Bearer ${BOOTSTRAP}` } });
    assert.equal(res.status, 200);
    const served = QuestionListSchema.parse(await res.json()).questions;
    const shape = (q: {
      key: string | null;
      kind: string;
      hypotheses: { key: string | null; citations: unknown[] }[];
      indicators: { key: string | null; citations: unknown[] }[];
    }) => ({
      key: q.key,
      kind: q.kind,
      hypotheses: q.hypotheses.map((h) => [h.key, h.citations.length]),
      indicators: q.indicators.map((i) => [i.key, i.citations.length]),
    });
    assert.deepEqual(served.map(shape), file.questions.map(shape));
  });

  it('refuses a second process on the same embedded data folder', {
    skip: !!process.env.DATABASE_URL,
  }, async () => {
    const second = start(location.env);
    assert.equal(await second.exited, 1);
    assert.match(
      second.output(),
      /^signpost: the data folder .* is in use by process \d+; stop that process or set SIGNPOST_DATA_DIR/,
    );
    assert.equal(second.output().trim().split('\n').length, 1);
  });

  it('stops on SIGTERM, releasing the data folder', async () => {
    server.child.kill('SIGTERM');
    assert.equal(await server.exited, 0);
    if (location.env.SIGNPOST_DATA_DIR) {
      assert.equal(existsSync(join(location.env.SIGNPOST_DATA_DIR, 'signpost.lock')), false);
    }
  });

  it('restarts on the same database without loading the scenarios again', async () => {
    const again = start(location.env);
    try {
      await listening(again);
      assert.doesNotMatch(again.output(), /loaded|first start/);
    } finally {
      again.child.kill('SIGTERM');
      await again.exited;
    }
  });
});

describe('npm start with bad settings', () => {
  it('fails fast with one line when DATABASE_URL is unreachable', async () => {
    const s = start({ DATABASE_URL: 'postgres://nobody@127.0.0.1:1/signpost' });
    assert.equal(await s.exited, 1);
    assert.equal(
      s.output().trim(),
      `signpost: cannot reach PostgreSQL at 127.0.0.1:1/signpost: connect ECONNREFUSED 127.0.0.1:1`,
    );
  });

  it('names a bad variable', async () => {
    const s = start({ PORT: 'eighty' });
    assert.equal(await s.exited, 1);
    assert.match(s.output().trim(), /^signpost: invalid configuration: PORT: /);
  });
});
