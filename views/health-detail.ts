// The full last result of one check, shown in the health pane on enter.
import type { CheckStatus } from '../src/checks/check-status';
import { checkTarget, type HealthCheck } from '../src/health/health-check';
import { formatDuration } from '../src/config/duration';
import { sanitize } from '../src/text/sanitize';
import { formatLatency } from './health-rows';

const clock = (ms: number) => new Date(ms).toISOString().slice(11, 19);

export function healthDetailLines(check: HealthCheck, status: CheckStatus | undefined, now: number): string[] {
  const head = [
    `${check.id}  (${check.spec.type} check on ${check.service}, from ${check.origin === 'config' ? 'the config' : 'a compose label'})`,
    `target    ${checkTarget(check)}`,
    `every     ${formatDuration(check.spec.interval)}, timeout ${formatDuration(check.spec.timeout)}`,
  ];
  if (!status) return [...head, 'state     unknown: no result yet'];
  const result = status.lastResult;
  const lines = [
    ...head,
    `state     ${status.state}${status.flapping ? ' (flapping)' : ''} for ${formatDuration(Math.max(0, now - status.since))}, since ${clock(status.since)}`,
    `failures  ${status.consecutiveFailures} in a row`,
    `latency   ${formatLatency(result?.latencyMs)}${result ? `   at ${clock(result.at)}` : ''}`,
    `error     ${result?.error ?? '-'}`,
  ];
  if (status.lastError && status.lastError !== result?.error) lines.push(`previous  ${status.lastError}${status.lastErrorAt ? ` at ${clock(status.lastErrorAt)}` : ''}`);
  for (const [key, value] of Object.entries(result?.fields ?? {})) lines.push(`field     ${key} = ${value}`);
  for (const [key, value] of Object.entries(result?.detail ?? {})) lines.push(`detail    ${key} = ${value}`);
  lines.push(`recent    ${status.recent.join(' ') || '-'}`);
  return lines.map((line) => sanitize(line, { keepColor: false }));
}
