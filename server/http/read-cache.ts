import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from './env.js';

interface Entry<T> {
  value: T;
  expires: number;
  bytes: number;
}

/**
 * Answers that stay right until something is written: API reads, kept for a short time (token
 * lookups are remembered by resolveToken). Every write request through this process invalidates all of them at once (a new
 * generation), and a read that overlapped a write is neither served from nor stored in the
 * cache, so a reader never sees an answer older than the last write it could have seen. Writes by
 * other processes on the same PostgreSQL database are seen after at most `ttlMs`.
 */
export class ReadCache {
  #generation = 0;
  #writing = 0;
  #bytes = 0;
  readonly #entries = new Map<string, Entry<unknown>>();

  constructor(
    readonly ttlMs: number,
    readonly maxBytes = 64 * 2 ** 20,
  ) {}

  get enabled() {
    return this.ttlMs > 0;
  }

  /** A moment to store against: undefined while a write is under way. */
  snapshot(): number | undefined {
    return this.#writing === 0 ? this.#generation : undefined;
  }

  get<T>(key: string): T | undefined {
    const entry = this.#entries.get(key);
    if (!entry || this.#writing) return undefined;
    // Entries older than the last write are gone (writing() empties the cache).
    if (entry.expires <= Date.now()) {
      this.#drop(key);
      return undefined;
    }
    // Most recently used last, so eviction takes the oldest first.
    this.#entries.delete(key);
    this.#entries.set(key, entry);
    return entry.value as T;
  }

  /** Stores `value` if nothing was written since `since` (a snapshot) and nothing is being. */
  set(key: string, value: unknown, bytes: number, since: number | undefined) {
    if (
      since === undefined ||
      since !== this.#generation ||
      this.#writing ||
      bytes > this.maxBytes
    ) {
      return;
    }
    this.#drop(key);
    this.#entries.set(key, { value, expires: Date.now() + this.ttlMs, bytes });
    this.#bytes += bytes;
    for (const [oldest] of this.#entries) {
      if (this.#bytes <= this.maxBytes) break;
      this.#drop(oldest);
    }
  }

  /** Runs a write; everything cached before it ends is stale once it has. */
  async writing<T>(write: () => Promise<T>): Promise<T> {
    this.#writing++;
    try {
      return await write();
    } finally {
      this.#writing--;
      this.#generation++;
      this.#entries.clear();
      this.#bytes = 0;
    }
  }

  #drop(key: string) {
    const entry = this.#entries.get(key);
    if (!entry) return;
    this.#bytes -= entry.bytes;
    this.#entries.delete(key);
  }
}

interface CachedResponse {
  body: string;
  headers: [string, string][];
}

const KEPT_HEADERS = ['content-type', 'etag', 'content-disposition'];

/** Marks every request that is not a read (API or page) as a write, invalidating the cache. */
export function writesInvalidate(cache: ReadCache): MiddlewareHandler<AppEnv> {
  return async function writesInvalidate(c, next) {
    if (!cache.enabled || c.req.method === 'GET' || c.req.method === 'HEAD') return next();
    return cache.writing(next);
  };
}

/**
 * Serves a signed-in caller's repeated API reads from the cache (same user, role, credential and
 * URL). Only complete 200 answers are kept.
 */
export function cachedReads(cache: ReadCache): MiddlewareHandler<AppEnv> {
  return async function cachedReads(c, next) {
    if (!cache.enabled || c.req.method !== 'GET') return next();
    // Who asks, and how (GET /api/me tells a session from a token): answers differ by both.
    const { actor, auth } = c.var;
    const how = auth.kind === 'token' ? `token ${auth.tokenId}` : auth.kind;
    const key = [actor.userId, actor.role, how, c.req.url].join('\u0000');
    const hit = cache.get<CachedResponse>(key);
    if (hit) {
      for (const [name, value] of hit.headers) c.header(name, value);
      return c.body(hit.body, 200);
    }
    const since = cache.snapshot();
    await next();
    const type = c.res.headers.get('content-type') ?? '';
    if (c.res.status !== 200 || !/json|csv/.test(type)) return;
    const body = await c.res.clone().text();
    const headers = KEPT_HEADERS.flatMap((name): [string, string][] => {
      const value = c.res.headers.get(name);
      return value === null ? [] : [[name, value]];
    });
    cache.set(key, { body, headers }, body.length, since);
  };
}
