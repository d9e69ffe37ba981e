import { describe, expect, it } from 'vitest';
import { bucketQuantile, type Bucket } from '../src/metrics/quantile';
import { ScrapeWindow } from '../src/metrics/scrape-window';
import { quantiles } from '../src/metrics/service-stats';
import { parseExposition } from '../src/metrics/exposition-parser';

const b = (pairs: [number, number][]): Bucket[] => pairs.map(([upperBound, count]) => ({ upperBound, count }));

// The two histograms of Prometheus's own promql/testdata/histograms.test, at 50m.
const POSITIVE = b([[0.1, 50], [0.2, 70], [1, 110], [Infinity, 120]]);
const NEGATIVE = b([[-0.2, 10], [-0.1, 20], [0.3, 20], [Infinity, 30]]);

describe('histogram quantile, as Prometheus computes it', () => {
  it('matches the results Prometheus documents in its test data', () => {
    const cases: [number, number, number][] = [
      [0, 0, -0.2], [0.2, 0.048, -0.2], [0.5, 0.15, -0.15], [0.8, 0.72, 0.3], [1, 1, 0.3],
    ];
    for (const [q, positive, negative] of cases) {
      expect(bucketQuantile(q, POSITIVE)).toBeCloseTo(positive, 12);
      expect(bucketQuantile(q, NEGATIVE)).toBeCloseTo(negative, 12);
    }
  });

  it('returns -Inf below 0, +Inf above 1 and NaN for a NaN quantile', () => {
    expect(bucketQuantile(-0.1, POSITIVE)).toBe(-Infinity);
    expect(bucketQuantile(1.01, POSITIVE)).toBe(Infinity);
    expect(bucketQuantile(NaN, POSITIVE)).toBeNaN();
  });

  it('returns the highest finite bound when the quantile is in the +Inf bucket', () => {
    expect(bucketQuantile(0.99, b([[0.5, 10], [0.8, 20], [Infinity, 100]]))).toBe(0.8);
  });

  it('returns NaN for an empty window, a single bucket, or no +Inf bucket', () => {
    expect(bucketQuantile(0.5, [])).toBeNaN();
    expect(bucketQuantile(0.5, b([[0.1, 0], [Infinity, 0]]))).toBeNaN();
    expect(bucketQuantile(0.5, b([[Infinity, 7]]))).toBeNaN();
    expect(bucketQuantile(0.5, b([[0.1, 3], [0.2, 7]]))).toBeNaN();
  });

  it('sorts buckets, merges equal bounds and forces counts to be monotonic', () => {
    const shuffled = b([[Infinity, 120], [1, 110], [0.1, 50], [0.2, 70]]);
    expect(bucketQuantile(0.5, shuffled)).toBeCloseTo(0.15, 12);
    expect(bucketQuantile(0.5, b([[0.1, 10], [0.2, 8], [Infinity, 12]]))).toBeCloseTo(0.06, 12);
    expect(bucketQuantile(0.9, b([[0.1, 10], [0.2, 8], [Infinity, 12]]))).toBe(0.2);
    expect(bucketQuantile(0.5, b([[0.1, 2], [0.1, 3], [Infinity, 10]]))).toBeCloseTo(0.1, 12);
  });

  it('interpolates linearly: a uniform distribution gives back its quantiles', () => {
    const uniform = b([...Array.from({ length: 10 }, (_, i) => [(i + 1) / 10, (i + 1) * 100] as [number, number]), [Infinity, 1000]]);
    expect(bucketQuantile(0.5, uniform)).toBeCloseTo(0.5, 12);
    expect(bucketQuantile(0.95, uniform)).toBeCloseTo(0.95, 12);
    expect(bucketQuantile(0.99, uniform)).toBeCloseTo(0.99, 12);
  });

  it('sums buckets by le across series over the window, like sum by (le) (rate(...))', () => {
    // Prometheus's request_duration_seconds test histogram; the window holds the 45m and 50m samples.
    const perStep: [string, string, number[]][] = [
      ['job1', 'ins1', [1, 3, 4]], ['job1', 'ins2', [2, 5, 6]], ['job2', 'ins1', [3, 4, 6]], ['job2', 'ins2', [4, 7, 9]],
    ];
    const exposition = (step: number) => perStep.flatMap(([job, instance, [a, c, inf]]) => ['0.1', '0.2', '+Inf'].map((le, i) =>
      `request_duration_seconds_bucket{job="${job}",instance="${instance}",le="${le}"} ${[a, c, inf][i] * step}`)).join('\n');
    const window = new ScrapeWindow(600_000);
    for (const step of [9, 10]) {
      const parsed = parseExposition(`# TYPE request_duration_seconds histogram\n${exposition(step)}\n`);
      window.add({ at: step * 300_000, samples: parsed.samples, families: parsed.families });
    }
    const [q30, q50] = quantiles(window, 'request_duration_seconds', [0.3, 0.5]);
    expect(q30).toBeCloseTo(0.075, 12);
    expect(q50).toBeCloseTo(0.1277777777777778, 12);
  });
});
