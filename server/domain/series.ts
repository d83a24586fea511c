/** A probability series as steps: each point's value stands from its time until the next. */
export interface Step {
  x: number;
  y: number;
}

/**
 * The value standing at time `t` in a series sorted by time: the last point at or before `t`;
 * undefined before the first.
 *
 * @example standingAt([{x:0,y:0.2},{x:10,y:0.5}], 5) === 0.2
 */
export function standingAt(series: readonly Step[], t: number): number | undefined {
  let value: number | undefined;
  for (const p of series) {
    if (p.x > t) break;
    value = p.y;
  }
  return value;
}

/**
 * How far a series moved between `since` and `now`: the value now minus the value standing
 * then. A series that started after `since` counts from its first value (a model's prior);
 * `fromStart: false` makes that no change at all (an analyst's first judgment is not a move).
 */
export function changeSince(
  series: readonly Step[],
  since: number,
  now: number,
  { fromStart }: { fromStart: boolean },
): number | undefined {
  const current = standingAt(series, now);
  if (current === undefined) return undefined;
  const then = standingAt(series, since) ?? (fromStart ? series[0]?.y : undefined);
  return then === undefined ? undefined : current - then;
}
