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
import { ProcessSource } from '../process/process-source';
import { AuditJournal } from '../audit/journal';
import { LagSource } from '../kafka/source/lag-source';
import { openHealthSources, closeHealthSources } from '../health/sources';
import { openShell } from './shell';
import { cockpitRunbooks } from './runbook-ui';
import { ProcessRuntime } from '../process/process-runtime';
import { writeFileSync, renameSync } from 'node:fs';
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
  const feed = new LogFeed(config.logs.buffer);
  const processes = config.processes && Object.entries(config.processes).map(([name, spec]) => ({ name, ...spec }));
  const source: UiSource = custom?.makeSource(state, feed)
    ?? (processes ? new ProcessSource(processes, state, feed, { project: settings.project, keepColor: theme.color }) : undefined)
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
  Object.assign(cockpit, openHealthSources(config, state, (id) => source.details(id)));
  if (config.kafka) (cockpit.lag = new LagSource(config.kafka)).start();
  cockpit.runbooks = cockpitRunbooks(settings, cockpit.lag, source instanceof ProcessSource ? new ProcessRuntime(source, settings.project) : undefined);
  const benchStats = process.env.OPSDECK_BENCH_STATS ? startBenchStats(process.env.OPSDECK_BENCH_STATS, feed) : undefined;
  const instance = render(
    <CockpitContext.Provider value={cockpit}>
      <App initial={initialUi({ include: config.logs.include, exclude: config.logs.exclude, timestamps: config.logs.timestamps, wrap: config.logs.wrap })} />
    </CockpitContext.Provider>,
    { alternateScreen: true, incrementalRendering: true, exitOnCtrlC: false, patchConsole: true, maxFps: 20,
      // A terminal is a terminal even where CI=true is set (Ink would then draw only the last frame).
      interactive: true, onRender: benchStats?.onRender },
  );
  const crash = (error: unknown) => {
    instance.unmount();
    process.stderr.write(`opsdeck crashed: ${error instanceof Error ? error.stack : String(error)}\n`);
    process.exit(70);
  };
  process.on('uncaughtException', crash);
  process.on('unhandledRejection', crash);
  // A failpoint for the terminal-restore test: a crash outside React, after the first frame.
  if (process.env.OPSDECK_FAILPOINT === 'crash') setTimeout(() => { throw new Error('failpoint: crash'); }, 1000);
  try {
    await instance.waitUntilExit();
  } finally {
    cockpit.drills?.dispose();
    await source.close();
    await closeHealthSources(cockpit);
    await cockpit.lag?.stop();
    benchStats?.stop();
  }
  return 0;
}

/**
 * For `npm run bench` only (OPSDECK_BENCH_STATS=/path): once a second and at exit, writes the
 * log counters and Ink's render count and times to that file as JSON. Off when unset.
 */
function startBenchStats(path: string, feed: LogFeed) {
  const started = Date.now();
  let renders = 0, renderMs = 0, renderMax = 0;
  const recent: number[] = [];
  const write = () => {
    const { store } = feed;
    const kept = store.services().reduce((n, s) => n + store.kept(s).length, 0);
    const data = { t: Date.now() - started, received: store.received, dropped: store.dropped(), kept, merged: store.merged.length,
      renders, renderMs, renderMax, recentRenderMs: recent, rss: process.memoryUsage.rss(), cpu: process.cpuUsage() };
    try { writeFileSync(`${path}.tmp`, JSON.stringify(data)); renameSync(`${path}.tmp`, path); } catch { /* a benchmark aid only */ }
  };
  const timer = setInterval(write, 1000);
  timer.unref();
  return {
    onRender: ({ renderTime }: { renderTime: number }) => {
      renders++;
      renderMs += renderTime;
      renderMax = Math.max(renderMax, renderTime);
      recent.push(Math.round(renderTime * 100) / 100);
      if (recent.length > 2000) recent.splice(0, 1000);
    },
    stop: () => { clearInterval(timer); write(); },
  };
}
