import { runWithDatabase } from './cli/run.js';

// The app's modules load (a dynamic import) while the database opens: the embedded one compiles
// its engine and reads its files off the main thread, so the two overlap instead of adding up.
const serving = import('./serve.js');
await runWithDatabase(async (handle, config) => (await serving).startServing(handle, config), {
  keepOpen: true,
});
