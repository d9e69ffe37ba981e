export { startBroker, type BrokerOptions, type KafkaBroker } from './server';
export type { GroupDescription, GroupState } from './group-types';
export type { CommittedOffset } from './offset-store';
export { ApiKey } from './protocol';
