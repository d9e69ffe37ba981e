// Builds the kafkajs client from the `kafka:` config. Secrets given as ${ENV} references are
// expanded here, at the last moment, and never appear in messages (errors name the field).
import { readFileSync } from 'node:fs';
import { Kafka, logLevel, type KafkaConfig as KafkajsConfig, type SASLOptions } from 'kafkajs';
import type { ConnectionOptions } from 'node:tls';
import { expandEnvRefs } from '../../checks/env-refs';
import type { KafkaConfig } from './config-schema';

type Env = Record<string, string | undefined>;

/** A PEM given inline, or a path to one. */
function pem(value: string | undefined, env: Env, field: string): string | undefined {
  if (value === undefined) return undefined;
  const text = expandEnvRefs(value, env, field);
  return text.includes('-----BEGIN') ? text : readFileSync(text, 'utf8');
}

function sslOptions(ssl: KafkaConfig['ssl'], env: Env): boolean | ConnectionOptions | undefined {
  if (ssl === undefined || typeof ssl === 'boolean') return ssl;
  return {
    ca: pem(ssl.ca, env, 'kafka.ssl.ca'),
    cert: pem(ssl.cert, env, 'kafka.ssl.cert'),
    key: pem(ssl.key, env, 'kafka.ssl.key'),
    passphrase: ssl.passphrase === undefined ? undefined : expandEnvRefs(ssl.passphrase, env, 'kafka.ssl.passphrase'),
    servername: ssl.servername,
    rejectUnauthorized: ssl.reject_unauthorized,
  };
}

function saslOptions(sasl: KafkaConfig['sasl'], env: Env): SASLOptions | undefined {
  if (!sasl) return undefined;
  return {
    mechanism: sasl.mechanism,
    username: expandEnvRefs(sasl.username, env, 'kafka.sasl.username'),
    password: expandEnvRefs(sasl.password, env, 'kafka.sasl.password'),
  } as SASLOptions;
}

export interface ClientOptions {
  env?: Env;
  /** Fewer retries make a dead broker visible sooner; tests keep kafkajs's defaults. */
  retries?: number;
}

export function kafkaClient(config: KafkaConfig, options: ClientOptions = {}): Kafka {
  const env = options.env ?? process.env;
  const settings: KafkajsConfig = {
    clientId: config.client_id,
    brokers: config.brokers,
    ssl: sslOptions(config.ssl, env),
    sasl: saslOptions(config.sasl, env),
    connectionTimeout: 3000,
    requestTimeout: 15_000,
    logLevel: logLevel.NOTHING,
    retry: { retries: options.retries ?? 3, initialRetryTime: 200, maxRetryTime: 3000 },
  };
  return new Kafka(settings);
}

/** Where to connect, for messages: the broker list, never credentials. */
export function describeBrokers(config: KafkaConfig): string {
  return config.brokers.join(',');
}
