import type { Settings } from './settings';
import { snapshot } from './snapshot';
import { isFailing } from '../runtime/failing';
import { dockerErrorText } from '../docker/connect';
import { formatAge } from '../../views/format';
import { sectionLines, statusSections } from '../health/status-sections';

export async function runStatus(settings: Settings, options: { json?: boolean }): Promise<number> {
  const now = Date.now();
  let instances;
  try {
    ({ instances } = await snapshot(settings.dockerHost, settings.project));
  } catch (error) {
    const message = dockerErrorText(error);
    if (options.json) process.stdout.write(`${JSON.stringify({ docker: { host: settings.dockerHost, status: 'down', error: message }, containers: [], ...(await statusSections(settings.config, [], message)) }, null, 2)}\n`);
    else process.stderr.write(`opsdeck: Docker unreachable at ${settings.dockerHost}: ${message}\n`);
    return 2;
  }
  const failing = instances.filter(isFailing);
  const sections = await statusSections(settings.config, instances);
  if (options.json) {
    const containers = instances.map((i) => ({ ...i, failing: isFailing(i), uptimeSeconds: i.state === 'running' && i.startedAt ? Math.round((now - i.startedAt) / 1000) : null }));
    process.stdout.write(`${JSON.stringify({ docker: { host: settings.dockerHost, status: 'up' }, project: settings.project ?? null, containers, failing: failing.map((i) => i.name), ...sections }, null, 2)}\n`);
  } else {
    const rows = [['PROJECT', 'SERVICE', 'CONTAINER', 'STATE', 'HEALTH', 'UPTIME', 'RESTARTS', 'PORTS'],
      ...instances.map((i) => [i.project ?? '-', i.service, i.name, i.state === 'exited' ? `exited(${i.exitCode})` : i.state, i.health ?? '-',
        i.state === 'running' ? formatAge(i.startedAt, now) : '-', String(i.restarts), i.ports.join(',') || '-'])];
    const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)));
    for (const row of rows) process.stdout.write(`${row.map((cell, c) => cell.padEnd(widths[c])).join('  ').trimEnd()}\n`);
    if (failing.length) process.stdout.write(`\n${failing.length} failing: ${failing.map((i) => i.name).join(', ')}\n`);
    for (const line of sectionLines(sections)) process.stdout.write(`${line}\n`);
  }
  return failing.length || sections.health?.failing.length ? 1 : 0;
}
