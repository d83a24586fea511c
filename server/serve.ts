import type { Server } from 'node:http';
import { serve } from '@hono/node-server';
import { SYSTEM_ACTOR } from './actor.js';
import { createApp } from './app.js';
import type { Config } from './config.js';
import type { DatabaseHandle } from './db/connect.js';
import { stopServing } from './http/shutdown.js';
import { provisionBootstrapToken } from './services/api-tokens.js';
import { ensureFirstAdmin } from './services/first-start.js';
import { loadScenarioFolder, uncheckedQuotes } from './services/scenario-files.js';

const LOOPBACK = new Set(['127.0.0.1', '::1', 'localhost']);
/** How long requests in flight may run after SIGTERM before their connections are cut. */
const SHUTDOWN_GRACE_MS = 10_000;

/**
 * Serves the app on a migrated database: loads the built-in scenarios, makes the first admin and
 * the bootstrap token if asked, listens, and stops gracefully on SIGTERM or SIGINT.
 */
export async function startServing(handle: DatabaseHandle, config: Config) {
  const loaded = config.loadScenarios
    ? await loadScenarioFolder(
        handle.db,
        SYSTEM_ACTOR,
        config.scenariosDir,
        config.sourceDocumentsDir,
      )
    : [];
  const firstAdmin = await ensureFirstAdmin(handle.db, config.adminPassword);
  const bootstrap = config.bootstrapToken
    ? await provisionBootstrapToken(handle.db, SYSTEM_ACTOR, config.bootstrapToken)
    : undefined;
  const app = createApp({ db: handle.db, auth: config.auth, readCacheMs: config.readCacheMs });
  const server = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, (info) => {
    const host = LOOPBACK.has(config.host) ? 'localhost' : config.host;
    const unchecked = loaded.some((r) => r.quotesCheckedIn === null)
      ? ` (${uncheckedQuotes(config.sourceDocumentsDir)})`
      : '';
    const scenarios = loaded.length
      ? `; loaded ${loaded.map((r) => r.name).join(', ')}${unchecked}`
      : '';
    console.log(
      `signpost: listening on http://${host}:${info.port} with ${handle.description}${scenarios}`,
    );
    if (firstAdmin) {
      // Printed this once: only its hash is stored.
      console.log(
        firstAdmin.password
          ? `signpost: first start: sign in as "${firstAdmin.username}" with the one-time password ${firstAdmin.password} (you will be asked to change it)`
          : `signpost: first start: sign in as "${firstAdmin.username}" with SIGNPOST_ADMIN_PASSWORD (you will be asked to change it)`,
      );
    }
    if (bootstrap?.created)
      console.log('signpost: provisioned the admin API token from SIGNPOST_BOOTSTRAP_TOKEN');
    if (bootstrap?.revoked) {
      console.warn('signpost: SIGNPOST_BOOTSTRAP_TOKEN names a revoked token; it stays revoked');
    }
  });
  server.on('error', (error) => {
    console.error(`signpost: cannot listen on ${config.host}:${config.port}: ${error.message}`);
    void handle.close().finally(() => process.exit(1));
  });
  const stop = (signal: NodeJS.Signals) => {
    console.log(`signpost: ${signal}: finishing requests in flight, then closing the database`);
    stopServing(server as Server, SHUTDOWN_GRACE_MS)
      .then(() => handle.close())
      .then(
        () => {
          console.log('signpost: stopped');
          process.exit(0);
        },
        (error: Error) => {
          console.error(`signpost: stopping failed: ${error.message}`);
          process.exit(1);
        },
      );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}
