import assert from 'node:assert/strict';
import { existsSync, mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { type Browser, chromium } from 'playwright-core';
import { SYSTEM_ACTOR } from '../../server/actor.js';
import { createApp } from '../../server/app.js';
import { loadConfig } from '../../server/config.js';
import type { Db } from '../../server/db/database.js';
import { loadScenarioFolder } from '../../server/services/scenario-files.js';
import { openTestDatabase, type TestDatabase } from './database.js';

const CHROMIUM = '/usr/bin/chromium';
/** Where page tests leave their screenshots (git-ignored), to be looked at. */
export const SCREENSHOTS = new URL('../../test-screenshots/', import.meta.url).pathname;

/**
 * Why browser tests cannot run here, or undefined when they can. In CI a missing browser is a
 * failure, not a skip: .ci/run installs it.
 */
export function browserMissing(): string | undefined {
  if (existsSync(CHROMIUM)) return undefined;
  if (process.env.CI === 'true')
    throw new Error(`${CHROMIUM} is missing in CI (apt-get install -y chromium)`);
  return `${CHROMIUM} is not installed (apt-get install -y chromium)`;
}

/** Debian's Chromium, headless, with nothing that reaches for the network. */
export async function launchBrowser(): Promise<Browser> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** The app on a real port on loopback. */
export async function serveApp(db: Db): Promise<{ url: string; close: () => Promise<void> }> {
  const app = createApp({ db });
  const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise<void>((resolve) => server.once('listening', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** A fresh database with the built-in scenarios, served on a real port. */
export async function serveBuiltInScenarios(): Promise<{
  db: TestDatabase;
  server: { url: string; close: () => Promise<void> };
}> {
  const db = await openTestDatabase();
  const scenarios = new URL('../../scenarios', import.meta.url).pathname;
  await loadScenarioFolder(db.db, SYSTEM_ACTOR, scenarios, loadConfig().sourceDocumentsDir);
  return { db, server: await serveApp(db.db) };
}

/** POSTs JSON to the served app, asserts it was created (201), and returns the body. */
export async function postCreated(base: string, path: string, body: unknown): Promise<any> {
  const res = await fetch(`${base}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const text = await res.text();
  assert.equal(res.status, 201, text);
  return JSON.parse(text);
}
