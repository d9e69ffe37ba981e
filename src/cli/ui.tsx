// The full-screen cockpit. Whatever ends it (q, ctrl-c, SIGTERM, SIGHUP, a crash), Ink's
// unmount restores the terminal: raw mode off, cursor shown, alternate screen left.
import React from 'react';
import { render } from 'ink';
import { App } from '../../views/App';
import { CockpitContext, type Cockpit } from '../../views/context';
import { makeTheme } from '../../views/theme';
import { initialUi } from '../../views/ui-state';
import { createStore } from '../store/store';
import { initialState, type AppState } from '../store/app-state';
import { LogFeed } from '../logs/log-feed';
import { DockerSource } from '../docker/docker-source';
import { AuditJournal } from '../audit/journal';
import { openShell } from './shell';
import { startBenchStats } from './bench-stats';
import { routeWarnings } from './route-warnings';
import { diffingTerminal } from '../terminal/diffing-stdout';
import type { Settings } from './settings';
import type { InstanceDetails, Restartable } from '../runtime/types';
import type { Store } from '../store/store';
import type { DrillAccess } from '../demo/drill-access';

/** What the cockpit watches and acts on: Docker by default; `opsdeck demo` passes a ProcessSource. */
export interface UiSource extends Restartable {
  open(): void;
  close(): void | Promise<void>;
  details(id: string): Promise<InstanceDetails>;
}

export async function runUi(settings: Settings, custom?: { makeSource: (state: Store<AppState>, feed: LogFeed) => UiSource; drills?: () => DrillAccess }): Promise<number> {
  if (!process.stdout.isTTY || !process.stdin.isTTY) {
    process.stderr.write('opsdeck: the cockpit needs a terminal (over SSH use ssh -t); in scripts use `opsdeck status` or `opsdeck logs`.\n');
    return 2;
  }
  const theme = makeTheme();
  const { config } = settings;
  const state = createStore<AppState>(initialState(settings.dockerHost));
  const feed = new LogFeed(config.logs.buffer, undefined, config.logs.buffer_bytes);
  const processes = config.processes && Object.entries(config.processes).map(([name, spec]) => ({ name, ...spec }));
  const source: UiSource = custom?.makeSource(state, feed)
    ?? (processes ? new (await import('../process/process-source')).ProcessSource(processes, state, feed, { project: settings.project, keepColor: theme.color }) : undefined)
    ?? new DockerSource({
    host: settings.dockerHost, project: settings.project, refreshMs: config.refresh,
    logs: { tail: config.logs.tail, maxLineBytes: config.logs.max_line_bytes, keepColor: theme.color },
  }, state, feed);
  const cockpit: Cockpit = {
    state, feed, runtime: source, journal: new AuditJournal(settings.auditPath), theme, readOnly: settings.readOnly,
    project: settings.project, details: (id) => source.details(id), openShell: custom || processes ? undefined : (id) => openShell(settings.dockerHost, id),
    drills: custom?.drills?.(),
  };
  source.open();
  const restoreWarnings = routeWarnings(state);
  // Health, lag and runbooks (undici, kafkajs, execa) load once the first listing is on screen.
  const extras = afterFirstListing(state)
    .then(() => import('./cockpit-extras'))
    .then((m) => m.attachExtras(cockpit, settings, source))
    .catch((error: Error) => {
      state.set((s) => ({ ...s, notice: { kind: 'error', text: `health, lag or runbooks did not start: ${error.message}`, at: Date.now() } }));
      return undefined;
    });
  const benchStats = process.env.OPSDECK_BENCH_STATS ? startBenchStats(process.env.OPSDECK_BENCH_STATS, feed) : undefined;
  const instance = render(
    <CockpitContext.Provider value={cockpit}>
      <App initial={initialUi({ include: config.logs.include, exclude: config.logs.exclude, timestamps: config.logs.timestamps, wrap: config.logs.wrap })} />
    </CockpitContext.Provider>,
    { alternateScreen: true, incrementalRendering: true, exitOnCtrlC: false, patchConsole: true, maxFps: 20,
      // A terminal is a terminal even where CI=true is set (Ink would then draw only the last frame).
      interactive: true, onRender: benchStats?.onRender,
      // Ink draws into a model of the screen; the terminal gets only the cells that changed.
      ...diffingTerminal(process.stdout, process.stderr) },
  );
  const crash = (error: unknown) => {
    instance.unmount();
    process.stderr.write(`opsdeck crashed: ${error instanceof Error ? error.stack : String(error)}\n`);
    process.exit(70);
  };
  process.on('uncaughtException', crash);
  process.on('unhandledRejection', crash);
  // Failpoints for the terminal tests: a crash outside React, or a Node warning, after the first frame.
  if (process.env.OPSDECK_FAILPOINT === 'crash') setTimeout(() => { throw new Error('failpoint: crash'); }, 1000);
  if (process.env.OPSDECK_FAILPOINT === 'warning') setTimeout(() => process.emitWarning('failpoint: a library warned', 'FailpointWarning'), 1000);
  try {
    await instance.waitUntilExit();
  } finally {
    cockpit.drills?.dispose();
    await source.close();
    await (await extras)?.();
    benchStats?.stop();
    restoreWarnings();
  }
  return 0;
}

/** Resolves once the source has said something (a listing or an error), or after a second. */
function afterFirstListing(state: Store<AppState>): Promise<void> {
  return new Promise((resolve) => {
    const done = () => { clearTimeout(timer); unsubscribe(); resolve(); };
    const timer = setTimeout(done, 1000);
    const unsubscribe = state.subscribe(() => { if (state.get().docker.status !== 'connecting') done(); });
  });
}
