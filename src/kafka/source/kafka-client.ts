// Builds the kafkajs client from the `kafka:` config. Secrets given as ${ENV} references are
// expanded here, at the last moment, and never appear in messages (errors name the field).
import { readFileSync } from 'node:fs';
import { connect as tcpConnect, isIP } from 'node:net';
import { connect as tlsConnect, type ConnectionOptions } from 'node:tls';
import { Kafka, logLevel, type ISocketFactory, type KafkaConfig as KafkajsConfig, type SASLOptions } from 'kafkajs';
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

// kafkajs's own factory leaves Nagle on, so each small request of a poll can wait ~40 ms on a
// delayed ACK; the Java client sets TCP_NODELAY too.
const socketFactory: ISocketFactory = ({ host, port, ssl, onConnect }) => {
  const socket = ssl
    ? tlsConnect({ host, port, ...(isIP(host) ? {} : { servername: host }), ...(typeof ssl === 'object' ? ssl : {}) }, onConnect)
    : tcpConnect({ host, port }, onConnect);
  socket.setNoDelay(true);
  socket.setKeepAlive(true, 60_000);
  return socket;
};

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
    socketFactory,
    retry: { retries: options.retries ?? 3, initialRetryTime: 200, maxRetryTime: 3000 },
  };
  return new Kafka(settings);
}

/** Where to connect, for messages: the broker list, never credentials. */
export function describeBrokers(config: KafkaConfig): string {
  return config.brokers.join(',');
}
