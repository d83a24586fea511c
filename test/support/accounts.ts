import type { Actor } from '../../server/actor.js';
import { DEFAULT_AUTH } from '../../server/config.js';
import type { Db } from '../../server/db/database.js';
import type { AssignableRole } from '../../server/domain/roles.js';
import { newId } from '../../server/ids.js';
import { insertUser, storePasswordHash } from '../../server/repositories/users.js';
import { createApiToken } from '../../server/services/api-tokens.js';
import { hashPassword } from '../../server/services/passwords.js';
import { openSession, resolveSession } from '../../server/services/sessions.js';

/** The password of every test user; hashed once per process (a hash costs a third of a second). */
export const TEST_PASSWORD = 'correct horse battery staple';
let testHash: Promise<string> | undefined;

export interface TestUser {
  id: string;
  username: string;
  actor: Actor;
  /** An API token acting with the user's role. */
  token: string;
  /** A signed-in session: the cookie header and its CSRF token. */
  cookie: string;
  csrf: string;
}

let serial = 0;

/** A user of `role` with a password, an open session and an API token, made as an admin would. */
export async function createTestUser(
  db: Db,
  role: AssignableRole,
  options: { username?: string; mustChange?: boolean } = {},
): Promise<TestUser> {
  testHash ??= hashPassword(TEST_PASSWORD);
  serial += 1;
  const username = options.username ?? `${role}-${process.pid}-${serial}`;
  const user = await insertUser(db, {
    id: newId('u'),
    username,
    display_name: `Test ${role} ${serial}`,
    role,
  });
  await storePasswordHash(db, user.id, await testHash, options.mustChange ?? false);
  const actor: Actor = { userId: user.id, role };
  const sessionToken = await openSession(db, DEFAULT_AUTH, actor, 'session.sign_in');
  const session = await resolveSession(db, DEFAULT_AUTH, sessionToken);
  const { token } = await createApiToken(db, actor, { name: 'tests' });
  return {
    id: user.id,
    username,
    actor,
    token,
    cookie: `signpost_session=${sessionToken}`,
    csrf: session?.csrfToken ?? '',
  };
}
