// Which runbooks the live panes suggest: a runbook's `signals` matched against a snapshot of the
// health checks, consumer-group lag, latency/SLO figures and containers. Pure, so every rule is
// tested without a cockpit; `log` and `manual` signals are the operator's to notice.
import type { Runbook, Signal } from './schema';

export interface LiveSnapshot {
  checks: Array<{ id: string; service: string; state: string; error?: string; fields?: Record<string, string> }>;
  lag: Array<{ group: string; totalLag: number; timeLagSeconds?: number; reportedLagSeconds?: number; level: string }>;
  latency: Array<{ service: string; p95Ms?: number; errorPercent?: number; breaches: string[] }>;
  containers: Array<{ service: string; state: string; health?: string; memoryPercent?: number }>;
}

export interface Offer {
  runbook: string;
  title: string;
  severity: Runbook['severity'];
  /** The runbook's own words for the signal. */
  signal: string;
  /** What was seen, e.g. `check api: down`. */
  evidence: string;
  /** How narrowly the signal is stated (named check, field, threshold): narrower ones are offered first. */
  specificity: number;
}

export const emptySnapshot = (): LiveSnapshot => ({ checks: [], lag: [], latency: [], containers: [] });

const over = (value: number | undefined, above?: number, below?: number) =>
  value !== undefined && Number.isFinite(value) && (above === undefined || value > above) && (below === undefined || value < below) && (above !== undefined || below !== undefined);

/** Metric signals name figures the panes already have; other names are not matched. */
function metricValues(name: string, live: LiveSnapshot): Array<[string, number | undefined]> {
  switch (name) {
    case 'p95_latency_ms': return live.latency.map((r) => [r.service, r.p95Ms]);
    case 'error_rate_percent': return live.latency.map((r) => [r.service, r.errorPercent]);
    case 'volatility_consumer_lag_seconds': return live.lag.map((g) => [g.group, g.reportedLagSeconds ?? g.timeLagSeconds]);
    case 'container_memory_percent': return live.containers.map((c) => [c.service, c.memoryPercent]);
    default: return [];
  }
}

/** The first thing in the snapshot that shows the signal, in words; undefined when none does. */
export function evidenceFor(signal: Signal, live: LiveSnapshot): string | undefined {
  switch (signal.on) {
    case 'check': {
      const hit = live.checks.find((c) => (signal.check === undefined || c.id === signal.check) && checkShows(signal, c));
      return hit && `check ${hit.id}: ${hit.state}${hit.error ? ` (${hit.error})` : ''}`;
    }
    case 'lag': {
      const hit = live.lag.find((g) => (signal.group === undefined || g.group === signal.group) && (signal.above_messages === undefined && signal.above_seconds === undefined
        ? g.level === 'warn' || g.level === 'crit'
        : (signal.above_messages !== undefined && g.totalLag > signal.above_messages) || over(g.timeLagSeconds, signal.above_seconds)));
      return hit && `group ${hit.group}: lag ${hit.totalLag} messages${hit.timeLagSeconds !== undefined ? `, ${Math.round(hit.timeLagSeconds)} s` : ''}`;
    }
    case 'metric': {
      const hit = metricValues(signal.name, live).find(([, value]) => over(value, signal.above, signal.below));
      return hit && `${hit[0]}: ${signal.name} ${Math.round(hit[1]! * 10) / 10}`;
    }
    case 'container': {
      const hit = live.containers.find((c) => (signal.service === undefined || c.service === signal.service) && containerShows(signal.state, c));
      if (hit) return `${hit.service}: ${signal.state}`;
      const absent = signal.state === 'absent' && signal.service !== undefined && live.containers.length > 0 && !live.containers.some((c) => c.service === signal.service);
      return absent ? `${signal.service}: no container` : undefined;
    }
    default: return undefined;
  }
}

function checkShows(signal: Extract<Signal, { on: 'check' }>, check: LiveSnapshot['checks'][number]): boolean {
  if (signal.field !== undefined) {
    if (check.state === 'ok' || check.state === 'unknown') return false;
    const wanted = signal.equals === undefined ? undefined : String(signal.equals);
    const value = check.fields?.[signal.field];
    if (value !== undefined) return wanted === undefined || value === wanted;
    // The field is not kept as a check field: the check's error names it when it is the cause.
    return (check.error ?? '').includes(signal.field) && (wanted === undefined || new RegExp(`\\b${wanted}\\b`).test(check.error ?? ''));
  }
  return signal.state === 'degraded' ? check.state === 'degraded' : check.state === 'down';
}

function containerShows(state: 'exited' | 'unhealthy' | 'restarting' | 'absent', c: LiveSnapshot['containers'][number]): boolean {
  if (state === 'unhealthy') return c.health === 'unhealthy';
  return c.state === state;
}

const RANK = { P0: 0, P1: 1, P2: 2, P3: 3 } as const;

export function specificity(signal: Signal): number {
  const named = 'check' in signal && signal.check !== undefined || 'group' in signal && signal.group !== undefined || 'service' in signal && signal.service !== undefined;
  const field = 'field' in signal && signal.field !== undefined ? 2 : 0;
  return (named ? 1 : 0) + field + (signal.on === 'metric' || signal.on === 'lag' ? 1 : 0);
}

/** Every runbook with a signal the snapshot shows, one offer each: the most specific first, then the most severe. */
export function matchSignals(runbooks: Iterable<Runbook>, live: LiveSnapshot): Offer[] {
  const offers: Offer[] = [];
  for (const runbook of runbooks) {
    for (const signal of runbook.signals) {
      const evidence = evidenceFor(signal, live);
      if (!evidence) continue;
      const offer = { runbook: runbook.id, title: runbook.title, severity: runbook.severity, signal: signal.text, evidence, specificity: specificity(signal) };
      const earlier = offers.findIndex((o) => o.runbook === runbook.id);
      if (earlier < 0) offers.push(offer);
      else if (offer.specificity > offers[earlier].specificity) offers[earlier] = offer;
    }
  }
  return offers.sort((a, b) => b.specificity - a.specificity || RANK[a.severity] - RANK[b.severity] || a.runbook.localeCompare(b.runbook));
}
