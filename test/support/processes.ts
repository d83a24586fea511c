import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { LoadResult, LoadSpec } from '../../bench/load.js';

/**
 * The processes benchmarks and fault tests drive: the app as `npm start` runs it, the load
 * generator, the ceilings.
 */

const ROOT = new URL('../..', import.meta.url).pathname;
const TSX = ['--import', 'tsx'];

export const SERVER_TOKEN = `token-${randomBytes(24).toString('hex')}`;

export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  return typeof address === 'object' && address ? address.port : 0;
}

/** Resolves with the first stdout line matching `pattern`; rejects if the process exits first. */
function lineFrom(child: ChildProcess, pattern: RegExp, what: string): Promise<RegExpExecArray> {
  return new Promise((resolve, reject) => {
    let seen = '';
    let errors = '';
    child.stderr?.on('data', (chunk: Buffer) => {
      errors += chunk.toString();
    });
    const onData = (chunk: Buffer) => {
      seen += chunk.toString();
      const match = pattern.exec(seen);
      if (match) {
        child.stdout?.off('data', onData);
        resolve(match);
      }
    };
    child.stdout?.on('data', onData);
    child.once('exit', (code) => reject(new Error(`${what} exited (${code}): ${seen}${errors}`)));
  });
}

export interface Running {
  url: string;
  child: ChildProcess;
  stop(): Promise<void>;
}

function stopper(child: ChildProcess, group = false) {
  return () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once('exit', () => resolve());
      if (group && child.pid) process.kill(-child.pid, 'SIGTERM');
      else child.kill('SIGTERM');
    });
}

/**
 * The server `npm start` runs (the bundle `npm run build` made: the scripts that use this build
 * it first), on the database `env` names.
 */
export async function startServer(env: Record<string, string>): Promise<Running> {
  const port = await freePort();
  const child = spawn(process.execPath, ['dist/server.mjs'], {
    cwd: ROOT,
    env: {
      ...process.env,
      // The database is the one `env` names: an embedded folder even where DATABASE_URL is set.
      DATABASE_URL: undefined,
      ...env,
      PORT: String(port),
      SIGNPOST_BOOTSTRAP_TOKEN: SERVER_TOKEN,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  await lineFrom(child, /listening on/, 'the server');
  return { url: `http://127.0.0.1:${port}`, child, stop: stopper(child) };
}

/** `npm start` itself in a process group, timed to its first 200 on `probe`. */
export async function timeNpmStart(env: Record<string, string>, probe: string) {
  const port = await freePort();
  const started = performance.now();
  const child = spawn('npm', ['start', '--silent'], {
    cwd: ROOT,
    detached: true,
    env: { ...process.env, DATABASE_URL: undefined, ...env, PORT: String(port) },
    stdio: 'ignore',
  });
  const url = `http://127.0.0.1:${port}${probe}`;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`npm start exited with ${child.exitCode}`);
    const ok = await fetch(url, { redirect: 'manual' }).then(
      (r) => r.status === 200,
      () => false,
    );
    if (ok) break;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  const ms = performance.now() - started;
  await stopper(child, true)();
  return ms;
}

/** A bench script in its own process, given its spec as a JSON file; `remove` deletes the file. */
function spawnWithSpec(script: string, spec: object) {
  const dir = mkdtempSync(join(tmpdir(), 'signpost-spec-'));
  const file = join(dir, 'spec.json');
  writeFileSync(file, JSON.stringify(spec));
  const child = spawn(process.execPath, [...TSX, script, file], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return { child, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** The ceilings server (ceilings.ts) on the same database. */
export async function startCeilings(spec: object): Promise<Running> {
  const { child, remove } = spawnWithSpec('bench/ceilings.ts', spec);
  const [, port] = await lineFrom(child, /ready (\d+)/, 'the ceilings server');
  const stop = stopper(child);
  return {
    url: `http://127.0.0.1:${port}`,
    child,
    stop: async () => {
      await stop();
      remove();
    },
  };
}

/** Runs load.ts in its own process and returns what it measured. */
export async function runLoad(spec: LoadSpec): Promise<LoadResult> {
  const { child, remove } = spawnWithSpec('bench/load.ts', spec);
  try {
    const [line] = await lineFrom(child, /\{.*\}\n/, 'the load generator');
    return JSON.parse(line) as LoadResult;
  } finally {
    remove();
  }
}
