export interface Point {
  at: number;
  value: number;
}

/**
 * How much a counter grew across the points, as Prometheus's increase() counts it but
 * without extrapolating to the window's edges: any drop is a reset (the process
 * restarted), after which the new value is all growth. undefined with fewer than 2 points.
 */
export function counterIncrease(points: readonly Point[]): number | undefined {
  const usable = points.filter((p) => !Number.isNaN(p.value));
  if (usable.length < 2) return undefined;
  let total = 0;
  for (let i = 1; i < usable.length; i++) {
    const prev = usable[i - 1].value;
    const cur = usable[i].value;
    total += cur >= prev ? cur - prev : cur;
  }
  return total;
}

/** Per-second rate across the points; undefined with fewer than 2 points or no time between them. */
export function counterRate(points: readonly Point[]): number | undefined {
  const increase = counterIncrease(points);
  if (increase === undefined) return undefined;
  const seconds = (points[points.length - 1].at - points[0].at) / 1000;
  return seconds > 0 ? increase / seconds : undefined;
}
