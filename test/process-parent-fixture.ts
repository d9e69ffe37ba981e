// A stand-in for opsdeck: runs a ProcessSource over the services in argv[2] (JSON), prints
// "ready <reaper pid>" once they are up, and then waits to be killed.
import { createStore } from '../src/store/store';
import { initialState, type AppState } from '../src/store/app-state';
import { LogFeed } from '../src/logs/log-feed';
import { ProcessSource } from '../src/process/process-source';
import { defineService } from '../src/process/config-schema';

const specs = JSON.parse(process.argv[2]) as Record<string, Parameters<typeof defineService>[1]>;
const source = new ProcessSource(Object.entries(specs).map(([name, spec]) => defineService(name, spec)),
  createStore<AppState>(initialState('local processes')), new LogFeed(100));
source.open();
await source.ready();
process.stdout.write(`ready ${source.reaperPid}\n`);
process.on('SIGTERM', () => void source.close().then(() => process.exit(0)));
setInterval(() => undefined, 1000);
