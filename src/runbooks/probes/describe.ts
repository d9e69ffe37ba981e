// A probe in words, for step lists, dry-runs and reports.
import type { Probe } from '../schema';
import { quoteArgv } from '../executors/render';

export function describeProbe(probe: Probe): string {
  switch (probe.type) {
    case 'http': {
      const expect = [probe.status !== undefined ? `status ${[probe.status].flat().join('|')}` : 'a 2xx status', ...probe.json, ...(probe.contains ? [`body contains ${JSON.stringify(probe.contains)}`] : [])];
      return `${probe.method} ${probe.url} (expect ${expect.join(', ')})`;
    }
    case 'tcp': return `TCP connect to ${probe.host}:${probe.port}`;
    case 'exec': {
      const where = probe.service ? `in the container of service ${probe.service}` : 'on this machine';
      const command = probe.shell ? `sh -c ${quoteArgv([probe.command.join(' ')])}` : quoteArgv(probe.command);
      const extra = [probe.contains && `output contains ${JSON.stringify(probe.contains)}`, probe.not_contains && `output lacks ${JSON.stringify(probe.not_contains)}`].filter(Boolean);
      return `${command} ${where} (expect exit ${probe.exit_code}${extra.length ? `, ${extra.join(', ')}` : ''})`;
    }
    case 'docker': return `service ${probe.service} is ${probe.state}${probe.health ? ` and ${probe.health}` : ''}`;
    case 'postgres': return `Postgres ${probe.user}@${probe.host}:${probe.port}/${probe.database} answers`;
    case 'kafka_lag': return `consumer group ${probe.group} lag${probe.max_messages !== undefined ? ` ≤ ${probe.max_messages} messages` : ''}${probe.max_seconds !== undefined ? ` ≤ ${probe.max_seconds} s` : ''}`;
    case 'metric': return `${probe.name} at ${probe.url}${probe.below !== undefined ? ` below ${probe.below}` : ''}${probe.above !== undefined ? ` above ${probe.above}` : ''}`;
  }
}
