// kafkajs logging in the demo's one-line format, warnings and errors only, with seed 002's
// "Failed to connect to Kafka" wording when the broker cannot be reached.
import { logLevel, type logCreator } from 'kafkajs';
import { log } from './service-kit';

export const kafkaLog: logCreator = () => ({ level, log: entry }) => {
  const text = `${entry.message}${entry.error ? `: ${entry.error}` : ''}`;
  const connect = /ECONNREFUSED|Connection error|connect/i.test(text);
  if (level <= logLevel.ERROR) log('ERROR', connect ? `Failed to connect to Kafka (${text})` : `kafka: ${text}`);
  else if (level === logLevel.WARN) log('WARN', `kafka: ${text}`);
};

export function brokersFromEnv(): string[] {
  const brokers = (process.env.BROKERS ?? '').split(',').filter(Boolean);
  if (brokers.length === 0) throw new Error('BROKERS must list the Kafka brokers');
  return brokers;
}
