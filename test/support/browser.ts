import assert from 'node:assert/strict';
import { existsSync, mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { type Browser, chromium, type Page } from 'playwright-core';
import { SYSTEM_ACTOR } from '../../server/actor.js';
import { createApp } from '../../server/app.js';
import { loadConfig } from '../../server/config.js';
import type { Db } from '../../server/db/database.js';
import { loadScenarioFolder } from '../../server/services/scenario-files.js';
import { createTestUser, type TestUser } from './accounts.js';
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

export interface TestServer {
  url: string;
  /** The admin the tests act as: API token for fetches, session for pages. */
  admin: TestUser;
  /** fetch with the admin's API token. */
  fetch: (path: string, init?: RequestInit) => Promise<Response>;
  close: () => Promise<void>;
}

/** The app on a real port on loopback, with a signed-in admin. */
export async function serveApp(db: Db): Promise<TestServer> {
  const app = createApp({ db });
  const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise<void>((resolve) => server.once('listening', resolve));
  const { port } = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;
  const admin = await createTestUser(db, 'admin');
  return {
    url,
    admin,
    fetch: (path, init = {}) => {
      const headers = new Headers(init.headers);
      headers.set('authorization', `Bearer ${admin.token}`);
      return fetch(`${url}${path}`, { ...init, headers });
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** A browser page signed in with `user`'s session (the admin's by default). */
export async function signedInPage(
  browser: Browser,
  server: TestServer,
  options: Parameters<Browser['newContext']>[0] = {},
  user: TestUser = server.admin,
): Promise<Page> {
  const context = await browser.newContext(options);
  const [name, value] = user.cookie.split('=') as [string, string];
  await context.addCookies([{ name, value, url: server.url, httpOnly: true, sameSite: 'Lax' }]);
  return context.newPage();
}

/** A fresh database with the built-in scenarios, served on a real port. */
export async function serveBuiltInScenarios(): Promise<{
  db: TestDatabase;
  server: TestServer;
}> {
  const db = await openTestDatabase();
  const scenarios = new URL('../../scenarios', import.meta.url).pathname;
  await loadScenarioFolder(db.db, SYSTEM_ACTOR, scenarios, loadConfig().sourceDocumentsDir);
  return { db, server: await serveApp(db.db) };
}

/** POSTs JSON to the served app, asserts it was created (201), and returns the body. */
export async function postCreated(server: TestServer, path: string, body: unknown): Promise<any> {
  const res = await server.fetch(path, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const text = await res.text();
  assert.equal(res.status, 201, text);
  return JSON.parse(text);
}
