import type { Executor } from '../db/database.js';

export interface IdempotencyRecord {
  request_hash: string;
  status: number | null;
  body: unknown;
}

/**
 * Claims `key` for this actor's request; returns the earlier record if the key was already
 * claimed (by a finished request, or one still running when its status is null). An unfinished
 * claim older than `abandonedAfterMs` is dropped first: its process ended without finishing.
 */
export async function claimIdempotencyKey(
  ex: Executor,
  actorId: string,
  key: string,
  requestHash: string,
  abandonedAfterMs: number,
): Promise<IdempotencyRecord | undefined> {
  await ex
    .deleteFrom('idempotency_keys')
    .where('actor_id', '=', actorId)
    .where('key', '=', key)
    .where('status', 'is', null)
    .where('recorded_at', '<', new Date(Date.now() - abandonedAfterMs))
    .execute();
  for (;;) {
    const claimed = await ex
      .insertInto('idempotency_keys')
      .values({ actor_id: actorId, key, request_hash: requestHash, status: null, body: null })
      .onConflict((oc) => oc.columns(['actor_id', 'key']).doNothing())
      .returning('key')
      .executeTakeFirst();
    if (claimed) return undefined;
    const earlier = await ex
      .selectFrom('idempotency_keys')
      .select(['request_hash', 'status', 'body'])
      .where('actor_id', '=', actorId)
      .where('key', '=', key)
      .executeTakeFirst();
    // Gone between the two statements (its request failed and freed it): claim it again.
    if (earlier) return earlier;
  }
}

export async function completeIdempotencyKey(
  ex: Executor,
  actorId: string,
  key: string,
  response: { status: number; body: unknown },
) {
  await ex
    .updateTable('idempotency_keys')
    .set({ status: response.status, body: JSON.stringify(response.body) })
    .where('actor_id', '=', actorId)
    .where('key', '=', key)
    .execute();
}

/** Frees a key whose request failed, so the client can retry it. */
export async function releaseIdempotencyKey(ex: Executor, actorId: string, key: string) {
  await ex
    .deleteFrom('idempotency_keys')
    .where('actor_id', '=', actorId)
    .where('key', '=', key)
    .where('status', 'is', null)
    .execute();
}
