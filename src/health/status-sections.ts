// The `health` and `latency` sections of `opsdeck status`, present only when checks or metrics
// are configured (or labelled), and their one-line summaries for the text output.
import type { Config } from '../config/schema';
import type { Instance } from '../runtime/types';
import { closeSharedAgent } from '../checks/http-agent';
import { hasHealthOrLatency, healthSection, latencySection, type HealthSection } from './headless';
import type { LatencyReport } from './latency-once';

export interface StatusSections {
  health?: HealthSection;
  latency?: LatencyReport[];
}

export async function statusSections(config: Config, instances: Instance[], dockerError?: string): Promise<StatusSections> {
  if (!hasHealthOrLatency(config, instances)) return {};
  try {
    const [health, latency] = await Promise.all([healthSection(config, instances, dockerError), latencySection(config, instances)]);
    return { health, latency };
  } finally {
    await closeSharedAgent();
  }
}

export function sectionLines(sections: StatusSections): string[] {
  const lines: string[] = [];
  const { health, latency } = sections;
  if (health?.checks.length) {
    const down = health.checks.filter((c) => c.state === 'down');
    lines.push(`health: ${health.checks.length - down.length}/${health.checks.length} checks up${down.length ? `; down: ${down.map((c) => `${c.name} (${c.error ?? 'down'})`).join(', ')}` : ''}`);
  }
  for (const l of latency ?? []) {
    const figures = l.error ? `error: ${l.error}` : `p95 ${l.p95Ms ?? '-'} ms, errors ${l.errorRate === null ? '-' : `${Math.round(l.errorRate * 1000) / 10}%`}, ${l.requestRate ?? '-'} req/s (${l.basis})`;
    lines.push(`latency ${l.service}: ${figures}${l.verdict === 'breach' ? ` SLO BREACH: ${l.breaches.join(', ')}` : ''}`);
  }
  return lines;
}
