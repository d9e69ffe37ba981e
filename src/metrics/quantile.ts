// histogram_quantile() for classic histograms, computed the way Prometheus computes it
// (promql/quantile.go, bucketQuantile), so the numbers match a Grafana panel's.

export interface Bucket {
  /** The `le` bound; the last bucket must be +Inf. */
  upperBound: number;
  /** Cumulative count of observations <= upperBound. */
  count: number;
}

/**
 * The q-quantile of the buckets, interpolating linearly within the bucket it falls in.
 * NaN when there are no observations, fewer than two buckets, no +Inf bucket, or q is NaN;
 * -Inf for q < 0 and +Inf for q > 1. A quantile in the +Inf bucket is the highest finite bound.
 */
export function bucketQuantile(q: number, input: readonly Bucket[]): number {
  if (Number.isNaN(q)) return NaN;
  if (q < 0) return -Infinity;
  if (q > 1) return Infinity;
  if (input.length === 0) return NaN;
  let buckets = [...input].sort((a, b) => a.upperBound - b.upperBound).map((b) => ({ ...b }));
  if (buckets[buckets.length - 1].upperBound !== Infinity) return NaN;
  buckets = coalesce(buckets);
  correctPrecisionErrors(buckets, 1e-12);
  ensureMonotonic(buckets);
  if (buckets.length < 2) return NaN;
  const observations = buckets[buckets.length - 1].count;
  if (observations === 0) return NaN;
  let rank = q * observations;
  const b = firstIndexAtLeast(buckets, rank);
  if (b === buckets.length - 1) return buckets[buckets.length - 2].upperBound;
  if (b === 0 && buckets[0].upperBound <= 0) return buckets[0].upperBound;
  let bucketStart = 0;
  const bucketEnd = buckets[b].upperBound;
  let count = buckets[b].count;
  if (b > 0) {
    bucketStart = buckets[b - 1].upperBound;
    count -= buckets[b - 1].count;
    rank -= buckets[b - 1].count;
  }
  return bucketStart + (bucketEnd - bucketStart) * (rank / count);
}

/** Binary search over all but the last bucket, like Go's sort.Search(len-1, ...). */
function firstIndexAtLeast(buckets: Bucket[], rank: number): number {
  let lo = 0;
  let hi = buckets.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (buckets[mid].count >= rank) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** Buckets with the same bound (e.g. "1" and "1.0" from two series) are added together. */
function coalesce(sorted: Bucket[]): Bucket[] {
  const out: Bucket[] = [];
  for (const bucket of sorted) {
    const last = out[out.length - 1];
    if (last && last.upperBound === bucket.upperBound) last.count += bucket.count;
    else out.push(bucket);
  }
  return out;
}

/** Float noise from summing rates can make counts dip by a hair; such dips are flattened. */
function correctPrecisionErrors(buckets: Bucket[], tolerance: number): void {
  let prev = buckets[0].count;
  for (let i = 1; i < buckets.length; i++) {
    const curr = buckets[i].count;
    const delta = Math.abs(curr - prev);
    if (delta === 0) continue;
    if (delta / curr <= tolerance) buckets[i].count = prev;
    else prev = curr;
  }
}

/** Counts must not fall as the bound rises; any that do are raised to the running maximum. */
function ensureMonotonic(buckets: Bucket[]): void {
  let max = buckets[0].count;
  for (let i = 1; i < buckets.length; i++) {
    if (buckets[i].count > max) max = buckets[i].count;
    else if (buckets[i].count < max) buckets[i].count = max;
  }
}
