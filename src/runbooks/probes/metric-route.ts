// A runbook `metric` probe through the metrics scraper (shared agent, body cap, parse of the
// whole exposition format), summing the samples that carry the probe's labels.
import type { ProbeOutcome } from '../engine/types';
import type { MetricProbe } from '../schema-probe';
import { scrapeMetrics } from '../../metrics/scraper';

const SCRAPE_TIMEOUT_MS = 10_000;

export async function probeMetricScrape(probe: MetricProbe, signal: AbortSignal): Promise<ProbeOutcome> {
  const outcome = await scrapeMetrics(probe.url, { timeoutMs: SCRAPE_TIMEOUT_MS, signal });
  if (!outcome.scrape) return { pass: false, summary: `${probe.url}: ${outcome.error ?? 'no answer'}` };
  const matching = outcome.scrape.samples.filter((s) => s.name === probe.name && Object.entries(probe.labels).every(([k, v]) => s.labels[k] === v) && Number.isFinite(s.value));
  const labels = Object.keys(probe.labels).length ? `{${Object.entries(probe.labels).map(([k, v]) => `${k}="${v}"`).join(',')}}` : '';
  if (matching.length === 0) return { pass: false, summary: `${probe.url} has no sample ${probe.name}${labels}` };
  const value = matching.reduce((sum, s) => sum + s.value, 0);
  const problems = [
    probe.below !== undefined && !(value < probe.below) ? `not below ${probe.below}` : undefined,
    probe.above !== undefined && !(value > probe.above) ? `not above ${probe.above}` : undefined,
  ].filter(Boolean);
  return { pass: problems.length === 0, summary: `${probe.name}${labels} is ${value}${problems.length ? ` (${problems.join(', ')})` : ''}`, fields: { [probe.name]: String(value) } };
}
