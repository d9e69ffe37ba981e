// `opsdeck check [--json]`: every health check once, the seed runbooks' "comprehensive health
// check" as one command. Exit 0 when none is down, 1 when one is, 2 when there is nothing to check.
import type { Settings } from './settings';
import { snapshot } from './snapshot';
import { dockerErrorText } from '../docker/connect';
import type { Instance } from '../runtime/types';
import { healthSection } from '../health/headless';
import { closeSharedAgent } from '../checks/http-agent';
import { formatLatency } from '../../views/health-rows';

const DOCKER_TIMEOUT_MS = 5_000;

/** The containers in scope, or why Docker could not be asked; never throws. */
export async function dockerInstances(settings: Settings): Promise<{ instances: Instance[]; error?: string }> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => { timer = setTimeout(() => reject(new Error(`no answer within ${DOCKER_TIMEOUT_MS / 1000} s`)), DOCKER_TIMEOUT_MS); });
  try {
    const { instances } = await Promise.race([snapshot(settings.dockerHost, settings.project), timeout]);
    return { instances };
  } catch (error) {
    return { instances: [], error: dockerErrorText(error) };
  } finally {
    clearTimeout(timer);
  }
}

export async function runCheck(settings: Settings, options: { json?: boolean }): Promise<number> {
  const docker = await dockerInstances(settings);
  const section = await healthSection(settings.config, docker.instances, docker.error).finally(closeSharedAgent);
  const dockerInfo = { host: settings.dockerHost, status: docker.error ? 'down' : 'up', ...(docker.error && { error: docker.error }) };
  if (options.json) {
    process.stdout.write(`${JSON.stringify({ ok: section.checks.length > 0 && section.failing.length === 0, docker: dockerInfo, ...section }, null, 2)}\n`);
  } else if (section.checks.length > 0) {
    const rows = [['STATE', 'CHECK', 'SERVICE', 'LATENCY', 'DETAIL'], ...section.checks.map((c) => [
      c.state, c.name, c.service, formatLatency(c.latencyMs),
      [c.error, ...Object.entries(c.fields ?? {}).map(([k, v]) => `${k}=${v}`)].filter(Boolean).join(' · ') || '-',
    ])];
    const widths = rows[0].map((_, n) => Math.max(...rows.map((r) => r[n].length)));
    for (const row of rows) process.stdout.write(`${row.map((cell, n) => cell.padEnd(widths[n])).join('  ').trimEnd()}\n`);
    const failing = section.failing;
    process.stdout.write(failing.length ? `\n${failing.length} of ${section.checks.length} checks down: ${failing.join(', ')}\n` : `\nall ${section.checks.length} checks passed\n`);
  }
  if (docker.error && !options.json) process.stderr.write(`opsdeck: Docker unreachable at ${settings.dockerHost} (${docker.error}); opsdeck.health labels not read\n`);
  if (section.checks.length === 0) {
    if (!options.json) process.stderr.write('opsdeck: no checks: add `checks:` to the config or an opsdeck.health label to a service\n');
    return 2;
  }
  return section.failing.length ? 1 : 0;
}
