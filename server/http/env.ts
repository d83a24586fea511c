import type { Actor } from '../actor.js';

/** What every request carries through the middleware to the routes. */
export interface AppEnv {
  Variables: {
    actor: Actor;
    requestId: string;
  };
}
