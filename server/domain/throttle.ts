/**
 * Failed attempts per key in a sliding window: after `limit` failures within `windowMs`, the
 * key is refused until the oldest of them leaves the window. Pure bookkeeping over timestamps;
 * the caller keeps one per process (sign-in throttling needs no shared state to be effective
 * against one attacker per process, and a restart is not a bypass worth a table).
 */
export interface ThrottleRule {
  limit: number;
  windowMs: number;
}

export class FailureThrottle {
  private readonly failures = new Map<string, number[]>();

  constructor(private readonly rule: ThrottleRule) {}

  /** Milliseconds until `key` may try again; 0 when it may now. */
  retryAfter(key: string, now: number): number {
    const recent = this.recent(key, now);
    if (recent.length < this.rule.limit) return 0;
    return (recent[recent.length - this.rule.limit] as number) + this.rule.windowMs - now;
  }

  fail(key: string, now: number) {
    this.failures.set(key, [...this.recent(key, now), now]);
    if (this.failures.size > 100_000) this.prune(now);
  }

  clear(key: string) {
    this.failures.delete(key);
  }

  private recent(key: string, now: number): number[] {
    const recent = (this.failures.get(key) ?? []).filter((t) => t > now - this.rule.windowMs);
    if (recent.length === 0) this.failures.delete(key);
    return recent;
  }

  /** Forgets keys with nothing in the window, so a flood of usernames cannot grow memory. */
  private prune(now: number) {
    for (const key of this.failures.keys()) this.recent(key, now);
  }
}
