// How the runbook probes and offset resets reach Kafka: a function that lends a connected admin
// client. The cockpit lends the lag source's connection; headless runs open one for the run.
import type { Admin } from 'kafkajs';
import type { KafkaConfig } from '../../kafka/source/config-schema';
import { kafkaClient } from '../../kafka/source/kafka-client';

export type WithAdmin = <T>(work: (admin: Admin) => Promise<T>) => Promise<T>;

/** One admin client for the whole run, connected on first use; `close` disconnects it. */
export function adminFromConfig(config: KafkaConfig, env?: Record<string, string | undefined>): { withAdmin: WithAdmin; close(): Promise<void> } {
  let connected: Promise<Admin> | undefined;
  const connect = () => {
    if (!connected) {
      const admin = kafkaClient(config, { env, retries: 1 }).admin();
      connected = admin.connect().then(() => admin);
      connected.catch(() => { connected = undefined; });
    }
    return connected;
  };
  return {
    withAdmin: async (work) => work(await connect()),
    close: async () => {
      const admin = await connected?.catch(() => undefined);
      connected = undefined;
      await admin?.disconnect().catch(() => undefined);
    },
  };
}
