import type { Actor } from '../actor.js';
import type { AuthSettings } from '../config.js';
import type { Db } from '../db/database.js';
import type { Role } from '../domain/roles.js';
import type { FailureThrottle } from '../domain/throttle.js';
import { AppError } from '../errors.js';
import { newId } from '../ids.js';
import { recordAudit } from '../repositories/audit.js';
import {
  endSessions,
  findLiveSession,
  insertSession,
  touchSession,
} from '../repositories/sessions.js';
import { findUserWithCredentials } from '../repositories/users.js';
import { DECOY_HASH, verifyPassword } from './passwords.js';
import { newSecret, secretHash } from './secrets.js';

export interface Session {
  id: string;
  userId: string;
  username: string;
  displayName: string;
  role: Role;
  csrfToken: string;
  mustChange: boolean;
}

/** Sign-in attempts are throttled per username and per client address. */
export interface SignInThrottles {
  byUser: FailureThrottle;
  byClient: FailureThrottle;
}

/** Last-seen times are written at most this often: a session's every request need not write. */
const TOUCH_EVERY_MS = 60_000;

/**
 * Checks a username and password and opens a new session: the token (for the cookie) is made
 * here, never taken from the request, so a session planted before sign-in is worthless after.
 * Failures say nothing about which part was wrong and take as long either way.
 */
export async function signIn(
  db: Db,
  settings: AuthSettings,
  throttles: SignInThrottles,
  input: { username: string; password: string; client: string; requestId?: string },
) {
  const now = Date.now();
  const userKey = input.username.toLowerCase();
  const wait = Math.max(
    throttles.byUser.retryAfter(userKey, now),
    throttles.byClient.retryAfter(input.client, now),
  );
  if (wait > 0) {
    const seconds = Math.ceil(wait / 1000);
    throw new AppError(
      'too_many_requests',
      `too many failed sign-ins; try again in ${seconds} s`,
      [],
      seconds,
    );
  }
  const user = await findUserWithCredentials(db, input.username);
  const hash = user?.password_hash ?? DECOY_HASH;
  const ok = (await verifyPassword(input.password, hash)) && user?.deactivated_at === null;
  if (!user || !ok || user.password_hash === null) {
    throttles.byUser.fail(userKey, now);
    throttles.byClient.fail(input.client, now);
    throw new AppError('unauthenticated', 'the username or password is wrong', [
      { path: 'body.password', message: 'the username or password is wrong' },
    ]);
  }
  throttles.byUser.clear(userKey);
  const actor: Actor = { userId: user.id, role: user.role, requestId: input.requestId };
  return {
    token: await openSession(db, settings, actor, 'session.sign_in'),
    mustChange: user.must_change === true,
  };
}

/** A new session for an authenticated user; returns the cookie's token. */
export async function openSession(db: Db, settings: AuthSettings, actor: Actor, action: string) {
  const token = newSecret();
  const id = newId('ses');
  await db.transaction().execute(async (trx) => {
    await insertSession(trx, {
      id,
      token_hash: secretHash(token),
      user_id: actor.userId,
      csrf_token: newSecret(),
      expires_at: new Date(Date.now() + settings.sessionMaxMs),
    });
    await recordAudit(trx, actor, [{ action, entity_type: 'session', entity_id: id }]);
  });
  return token;
}

/** The live session a cookie's token names, or undefined; keeps its idle clock running. */
export async function resolveSession(
  db: Db,
  settings: AuthSettings,
  token: string,
): Promise<Session | undefined> {
  const now = new Date();
  const row = await findLiveSession(
    db,
    secretHash(token),
    new Date(now.getTime() - settings.sessionIdleMs),
  );
  if (!row) return undefined;
  if (now.getTime() - row.last_seen_at.getTime() > TOUCH_EVERY_MS)
    await touchSession(db, row.id, now);
  return {
    id: row.id,
    userId: row.user_id,
    username: row.username,
    displayName: row.display_name,
    role: row.role,
    csrfToken: row.csrf_token,
    mustChange: row.must_change,
  };
}

/** Ends a session (sign-out, or replacement by a rotated one). */
export async function closeSession(db: Db, actor: Actor, sessionId: string, reason: string) {
  await db.transaction().execute(async (trx) => {
    await endSessions(trx, { id: sessionId }, reason);
    await recordAudit(trx, actor, [
      { action: 'session.end', entity_type: 'session', entity_id: sessionId, after: { reason } },
    ]);
  });
}
