import { execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { freePort } from './processes.js';

/** The PostgreSQL server fault tests use: DATABASE_URL, else the machine's local server. */
export async function faultsPostgresUrl(): Promise<string | undefined> {
  const url = process.env.DATABASE_URL ?? 'postgres://root@127.0.0.1:5432/test';
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2_000 });
  try {
    await client.connect();
    return url;
  } catch {
    return undefined;
  } finally {
    await client.end().catch(() => undefined);
  }
}

const BIN = '/usr/lib/postgresql';

export interface PrivateCluster {
  url: string;
  start(): void;
  stop(): void;
  remove(): void;
}

/**
 * A PostgreSQL cluster of the test's own (initdb in a temporary folder, on a free port), so a
 * test can stop and start a real server without touching anyone else's. Needs the server
 * binaries and root (the cluster runs as the postgres user); undefined where that is not so.
 */
export async function privateCluster(): Promise<PrivateCluster | undefined> {
  const version = existsSync(BIN) ? execFileSync('ls', [BIN]).toString().trim().split('\n')[0] : '';
  const bin = join(BIN, version ?? '', 'bin');
  if (!version || !existsSync(join(bin, 'initdb')) || process.getuid?.() !== 0) return undefined;
  const dir = mkdtempSync(join(tmpdir(), 'signpost-pg-'));
  const postgresUser = Number(execFileSync('id', ['-u', 'postgres']).toString());
  chownSync(dir, postgresUser, -1);
  const asPostgres = (command: string, args: string[]) =>
    execFileSync('runuser', ['-u', 'postgres', '--', join(bin, command), ...args], {
      stdio: 'ignore',
    });
  asPostgres('initdb', ['-D', join(dir, 'data'), '-A', 'trust', '-U', 'root', '--no-sync']);
  const port = await freePort();
  const control = (action: 'start' | 'stop') =>
    asPostgres('pg_ctl', [
      '-D',
      join(dir, 'data'),
      '-l',
      join(dir, 'log'),
      '-o',
      `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1`,
      ...(action === 'stop' ? ['-m', 'fast'] : []),
      '-w',
      action,
    ]);
  control('start');
  return {
    url: `postgres://root@127.0.0.1:${port}/postgres`,
    start: () => control('start'),
    stop: () => control('stop'),
    remove: () => {
      try {
        control('stop');
      } catch {
        // Already stopped.
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
