import type { Actor } from '../actor.js';
import type { Session } from '../services/sessions.js';

/** How a request proved who sent it. */
export type Authentication =
  | { kind: 'anonymous' }
  | { kind: 'session'; session: Session }
  | { kind: 'token'; tokenId: string };

/** What every request carries through the middleware to the routes. */
export interface AppEnv {
  Variables: {
    /** Set for every signed-in request; routes behind the sign-in wall can rely on it. */
    actor: Actor;
    auth: Authentication;
    requestId: string;
  };
}
