// Resets a consumer group's offsets through an OffsetResetter (the Kafka helper's reset module
// provides one); the dry-run preview counts the messages that would be skipped.
import type { ActionOf } from '../schema';
import type { ActionExecutor } from '../engine/types';

const TARGET = { latest: 'the latest offset (skips the backlog)', earliest: 'the earliest offset (replays everything kept)', timestamp: 'the first offset at or after' } as const;

export const resetOffsetsExecutor: ActionExecutor<ActionOf<'reset_offsets'>> = {
  render: (a) => `reset consumer group ${a.group} on topic ${a.topic} to ${TARGET[a.to]}${a.to === 'timestamp' ? ` ${a.timestamp}` : ''}; the group must have no running members`,
  async run(a, ctx) {
    if (!ctx.offsets) throw new Error('no Kafka connection is configured for offset resets');
    const timestamp = a.timestamp === undefined ? undefined : Date.parse(a.timestamp);
    if (a.to === 'timestamp' && (timestamp === undefined || Number.isNaN(timestamp))) throw new Error(`expected an ISO timestamp, got ${JSON.stringify(a.timestamp)}`);
    const done = await ctx.offsets.reset({ group: a.group, topic: a.topic, to: a.to, timestamp }, false);
    const changes = [
      ...(done.skipped ? [`group ${a.group} skipped ${done.skipped.toLocaleString('en-US')} messages on ${a.topic}`] : []),
      ...(done.replayed ? [`group ${a.group} will re-read ${done.replayed.toLocaleString('en-US')} messages on ${a.topic}`] : []),
    ];
    return { summary: done.describe, changes };
  },
};
