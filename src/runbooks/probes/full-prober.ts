// The prober the CLI and the cockpit use: postgres probes go to the health checks' Postgres
// probe, kafka_lag to the lag poller over the configured Kafka, metric thresholds to the metrics
// scraper; everything else is the basic prober's.
import type { ContainerRuntime, ProbeOutcome, Prober } from '../engine/types';
import type { Probe } from '../schema';
import { basicProber } from './basic-prober';
import { probePostgresStep } from './postgres-route';
import { probeKafkaLag } from './kafka-lag-route';
import { probeMetricScrape } from './metric-route';
import type { WithAdmin } from './admin-access';

export interface FullProberOptions {
  runtime?: ContainerRuntime;
  /** Lends a connected Kafka admin client; without one kafka_lag probes fail with the reason. */
  withAdmin?: WithAdmin;
  env?: Record<string, string | undefined>;
}

export function fullProber(options: FullProberOptions = {}): Prober {
  const basic = basicProber(options.runtime);
  return {
    async probe(probe: Probe, signal: AbortSignal): Promise<ProbeOutcome> {
      switch (probe.type) {
        case 'postgres': return probePostgresStep(probe, signal, options.env);
        case 'kafka_lag': return probeKafkaLag(probe, options.withAdmin);
        case 'metric': return probeMetricScrape(probe, signal);
        default: return basic.probe(probe, signal);
      }
    },
  };
}
