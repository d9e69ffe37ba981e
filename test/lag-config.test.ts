// The `kafka:` config section: defaults, FILE:LINE:COL errors, and secrets kept out of messages.
import { describe, it, expect } from 'vitest';
import { parseConfig, ConfigError } from '../src/config/load';
import { kafkaClient } from '../src/kafka/source/kafka-client';

const problems = (text: string) => {
  try {
    parseConfig(text, 'opsdeck.yaml');
  } catch (error) {
    return (error as ConfigError).problems;
  }
  return [];
};

describe('kafka config', () => {
  it('fills in defaults: poll 5s, 30/300 s thresholds, a window of 10, client id opsdeck', () => {
    const { kafka } = parseConfig('kafka:\n  brokers: [localhost:9092]\n  groups: [volatility-predictor]\n', 'opsdeck.yaml');
    expect(kafka).toEqual({
      brokers: ['localhost:9092'], client_id: 'opsdeck', groups: ['volatility-predictor'], poll: 5000,
      thresholds: { lag_seconds: { warn: 30, crit: 300 } }, window: 10, consumer_metrics: [],
    });
    expect(parseConfig('', 'x').kafka).toBeUndefined();
  });

  it('names the file, line and column of a mistake', () => {
    expect(problems('kafka:\n  brokers: [localhost]\n')).toEqual([expect.stringMatching(/^opsdeck\.yaml:2:13: kafka\.brokers\.0: expected a broker like localhost:9092/)]);
    expect(problems('kafka:\n  brokers: [a:1]\n  pol: 5s\n')[0]).toMatch(/^opsdeck\.yaml:3:3: unknown key "pol" in kafka; expected one of: brokers, client_id/);
    expect(problems('kafka:\n  brokers: [a:1]\n  poll: soon\n')[0]).toMatch(/^opsdeck\.yaml:3:9: kafka\.poll: expected a duration/);
  });

  it('expands SASL secrets from the environment and never shows them in errors', () => {
    const { kafka } = parseConfig('kafka:\n  brokers: [a:1]\n  sasl: { mechanism: plain, username: svc, password: "${KAFKA_PASSWORD}" }\n', 'x');
    expect(() => kafkaClient(kafka!, { env: {} })).toThrow('kafka.sasl.password: environment variable KAFKA_PASSWORD is not set');
    expect(() => kafkaClient(kafka!, { env: { KAFKA_PASSWORD: 'hunter2' } })).not.toThrow();
  });
});
