import { serve } from '@hono/node-server';
import { SYSTEM_ACTOR } from './actor.js';
import { createApp } from './app.js';
import { runWithDatabase } from './cli/run.js';
import { loadScenarioFolder, uncheckedQuotes } from './services/scenario-files.js';

const LOOPBACK = new Set(['127.0.0.1', '::1', 'localhost']);

await runWithDatabase(
  async (handle, config) => {
    const loaded = config.loadScenarios
      ? await loadScenarioFolder(
          handle.db,
          SYSTEM_ACTOR,
          config.scenariosDir,
          config.sourceDocumentsDir,
        )
      : [];
    const app = createApp({ db: handle.db });
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
    });
    server.on('error', (error) => {
      console.error(`signpost: cannot listen on ${config.host}:${config.port}: ${error.message}`);
      void handle.close().finally(() => process.exit(1));
    });
    const stop = () => {
      server.close();
      void handle.close().finally(() => process.exit(0));
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  },
  { keepOpen: true },
);
