// Reads one Prometheus sample from a /metrics page and compares it with a threshold.
import { request } from 'undici';
import type { MetricProbe } from '../schema-probe';
import type { ProbeOutcome } from '../engine/types';

export async function probeMetric(probe: MetricProbe, signal: AbortSignal): Promise<ProbeOutcome> {
  const response = await request(probe.url, { signal });
  const text = await response.body.text();
  if (response.statusCode >= 300) return { pass: false, summary: `${probe.url}: HTTP ${response.statusCode}` };
  const value = sampleValue(text, probe.name, probe.labels);
  if (value === undefined) return { pass: false, summary: `${probe.url} has no sample ${probe.name}${labelText(probe.labels)}` };
  const problems = [
    probe.below !== undefined && !(value < probe.below) ? `not below ${probe.below}` : undefined,
    probe.above !== undefined && !(value > probe.above) ? `not above ${probe.above}` : undefined,
  ].filter(Boolean);
  return { pass: problems.length === 0, summary: `${probe.name}${labelText(probe.labels)} is ${value}${problems.length ? ` (${problems.join(', ')})` : ''}`, fields: { [probe.name]: String(value) } };
}

const labelText = (labels: Record<string, string>) => (Object.keys(labels).length ? `{${Object.entries(labels).map(([k, v]) => `${k}="${v}"`).join(',')}}` : '');

/** The sum of the samples named `name` whose labels include `labels`. */
export function sampleValue(text: string, name: string, labels: Record<string, string>): number | undefined {
  let sum: number | undefined;
  for (const line of text.split('\n')) {
    const match = /^([A-Za-z_:][\w:]*)(\{[^}]*\})?\s+(\S+)/.exec(line);
    if (!match || match[1] !== name) continue;
    const found = Object.fromEntries([...(match[2] ?? '').matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)].map((m) => [m[1], m[2]]));
    if (Object.entries(labels).some(([k, v]) => found[k] !== v)) continue;
    const value = Number(match[3]);
    if (Number.isFinite(value)) sum = (sum ?? 0) + value;
  }
  return sum;
}
