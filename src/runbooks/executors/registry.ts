// The executors by action kind. Callers may replace any of them (the TUI, tests, a future
// remote runtime) by passing their own to the engine.
import type { ExecutorRegistry } from '../engine/types';
import { containerExecutor, execExecutor, recreateExecutor } from './container';
import { commandExecutor } from './command';
import { httpExecutor } from './http';
import { resetOffsetsExecutor } from './reset-offsets';
import { waitExecutor } from './wait';
import { backupExecutor } from './backup';
import { loadExecutor } from './load';

export const defaultExecutors: ExecutorRegistry = {
  restart: containerExecutor,
  stop: containerExecutor,
  start: containerExecutor,
  recreate: recreateExecutor,
  exec: execExecutor,
  command: commandExecutor,
  http: httpExecutor,
  reset_offsets: resetOffsetsExecutor,
  wait_healthy: waitExecutor,
  backup: backupExecutor,
  load: loadExecutor,
};
