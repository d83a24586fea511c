/**
 * Thins a series for drawing: at most about `max` points, keeping the first and last and, in
 * each of max/2 equal spans of x, the lowest and highest points — so every peak and trough a
 * reader could see at that width survives (a min-max decimation).
 *
 * @example thinSeries([{x:0,y:0},{x:1,y:1},{x:2,y:0}], 10).length === 3
 */
export function thinSeries<T extends { x: number; y: number }>(
  points: readonly T[],
  max: number,
): T[] {
  if (points.length <= max || points.length < 3) return [...points];
  const first = points[0] as T;
  const last = points.at(-1) as T;
  const spans = Math.max(1, Math.floor((max - 2) / 2));
  const width = (last.x - first.x) / spans || 1;
  const kept = new Set<number>([0, points.length - 1]);
  let span = -1;
  let low = -1;
  let high = -1;
  const flush = () => {
    if (low >= 0) kept.add(low);
    if (high >= 0) kept.add(high);
  };
  for (let i = 1; i < points.length - 1; i++) {
    const p = points[i] as T;
    const s = Math.min(spans - 1, Math.floor((p.x - first.x) / width));
    if (s !== span) {
      flush();
      span = s;
      low = i;
      high = i;
    } else {
      if (p.y < (points[low] as T).y) low = i;
      if (p.y > (points[high] as T).y) high = i;
    }
  }
  flush();
  return [...kept].sort((a, b) => a - b).map((i) => points[i] as T);
}
