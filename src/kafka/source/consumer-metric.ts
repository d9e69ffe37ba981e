// Reads the lag a consumer reports about itself (seed 002: volatility_consumer_lag_seconds on
// :8001/metrics), to show beside the estimate from offsets.
import { parseExposition } from '../../metrics/exposition-parser';

export interface ReportedLag {
  seconds?: number;
  error?: string;
}

/** The largest sample of gauge `metric` in an exposition text; undefined when absent. */
export function readGauge(text: string, metric: string): number | undefined {
  const values = parseExposition(text).samples.filter((s) => s.name === metric && Number.isFinite(s.value)).map((s) => s.value);
  return values.length ? Math.max(...values) : undefined;
}

export async function fetchReportedLag(url: string, metric: string, timeoutMs = 2000): Promise<ReportedLag> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(timeoutMs), headers: { accept: 'text/plain' } });
    if (!response.ok) return { error: `${url}: HTTP ${response.status}` };
    const seconds = readGauge(await response.text(), metric);
    return seconds === undefined ? { error: `${url}: no ${metric} sample` } : { seconds };
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause?.code;
    return { error: `${url}: ${cause ?? (error instanceof Error ? error.message : String(error))}` };
  }
}

/** Reported lag per group for every configured endpoint, fetched in parallel. */
export async function fetchAllReported(endpoints: Array<{ group: string; url: string; metric: string }>): Promise<Map<string, ReportedLag>> {
  const results = await Promise.all(endpoints.map(async (e) => [e.group, await fetchReportedLag(e.url, e.metric)] as const));
  return new Map(results);
}
