import type { Server } from 'node:http';

/**
 * Stops accepting connections and resolves once every request in flight has been answered.
 * Idle keep-alive connections are closed at once, and busy ones as soon as they fall idle, so a
 * client's open connection cannot hold the process; after `graceMs` the rest are cut.
 */
export function stopServing(server: Server, graceMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const closeIdle = setInterval(() => server.closeIdleConnections(), 50);
    const cut = setTimeout(() => server.closeAllConnections(), graceMs);
    server.close((error) => {
      clearInterval(closeIdle);
      clearTimeout(cut);
      if (error) reject(error);
      else resolve();
    });
    server.closeIdleConnections();
  });
}
