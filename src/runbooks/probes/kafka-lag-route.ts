// A runbook `kafka_lag` probe: one poll of the group through the lag poller, compared with the
// step's max_messages. max_seconds needs the time-lag estimate, which one poll cannot give, so a
// step with only max_seconds passes on message lag alone and says so.
import type { ProbeOutcome } from '../engine/types';
import type { Probe } from '../schema';
import { pollGroupLag } from '../../kafka/lag/poller';
import type { WithAdmin } from './admin-access';

type KafkaLagProbe = Extract<Probe, { type: 'kafka_lag' }>;

const n = (value: number) => value.toLocaleString('en-US');

export async function probeKafkaLag(probe: KafkaLagProbe, withAdmin: WithAdmin | undefined): Promise<ProbeOutcome> {
  if (!withAdmin) return { pass: false, summary: 'no Kafka connection is configured (add a kafka section to opsdeck.yaml)' };
  const poll = await withAdmin((admin) => pollGroupLag(admin, [{ groupId: probe.group, topics: probe.topic ? [probe.topic] : undefined }]));
  if (poll.error) return { pass: false, summary: poll.error };
  const group = poll.groups[0];
  if (!group) return { pass: false, summary: `group ${probe.group} was not found` };
  const partitions = probe.topic ? group.partitions.filter((p) => p.topic === probe.topic) : group.partitions;
  const lag = partitions.reduce((sum, p) => sum + (p.lag ?? 0), 0);
  const where = `group ${probe.group}${probe.topic ? ` on ${probe.topic}` : ''}`;
  const fields = { lag: String(lag), state: group.state, members: String(group.members.length) };
  if (group.error) return { pass: false, summary: `${where}: ${group.error}`, fields };
  const over = probe.max_messages !== undefined && lag > probe.max_messages;
  const limit = probe.max_messages !== undefined ? ` (max ${n(probe.max_messages)})` : '';
  const seconds = probe.max_seconds !== undefined && probe.max_messages === undefined ? '; time lag is not measured by one poll' : '';
  return { pass: !over, summary: `${where} lags ${n(lag)} messages${limit}, ${group.state} with ${group.members.length} member(s)${seconds}`, fields };
}
