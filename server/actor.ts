/** Who is writing, for attribution and the audit trail. */
export interface Actor {
  userId: string;
  requestId?: string | undefined;
}

/** Signpost itself: built-in scenario loads and other writes no person asked for. */
export const SYSTEM_ACTOR: Actor = { userId: 'u_system' };
/** Whoever uses this installation through the API and pages until accounts exist. */
export const LOCAL_ACTOR: Actor = { userId: 'u_local' };
