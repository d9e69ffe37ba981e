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
import { LagSource } from '../kafka/source/lag-source';
import { openHealthSources, closeHealthSources } from '../health/sources';
import { openShell } from './shell';
import type { Settings } from './settings';

export async function runUi(settings: Settings): Promise<number> {
  if (!process.stdout.isTTY || !process.stdin.isTTY) {
    process.stderr.write('opsdeck: the cockpit needs a terminal (over SSH use ssh -t); in scripts use `opsdeck status` or `opsdeck logs`.\n');
    return 2;
  }
  const theme = makeTheme();
  const { config } = settings;
  const state = createStore<AppState>(initialState(settings.dockerHost));
  const feed = new LogFeed(config.logs.buffer);
  const source = new DockerSource({
    host: settings.dockerHost, project: settings.project, refreshMs: config.refresh,
    logs: { tail: config.logs.tail, maxLineBytes: config.logs.max_line_bytes, keepColor: theme.color },
  }, state, feed);
  const cockpit: Cockpit = {
    state, feed, runtime: source, journal: new AuditJournal(settings.auditPath), theme, readOnly: settings.readOnly,
    project: settings.project, details: (id) => source.details(id), openShell: (id) => openShell(settings.dockerHost, id),
  };
  source.open();
  Object.assign(cockpit, openHealthSources(config, state, (id) => source.details(id)));
  if (config.kafka) (cockpit.lag = new LagSource(config.kafka)).start();
  const instance = render(
    <CockpitContext.Provider value={cockpit}>
      <App initial={initialUi({ include: config.logs.include, exclude: config.logs.exclude, timestamps: config.logs.timestamps, wrap: config.logs.wrap })} />
    </CockpitContext.Provider>,
    { alternateScreen: true, incrementalRendering: true, exitOnCtrlC: false, patchConsole: true, maxFps: 20,
      // A terminal is a terminal even where CI=true is set (Ink would then draw only the last frame).
      interactive: true },
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
    source.close();
    await closeHealthSources(cockpit);
    await cockpit.lag?.stop();
  }
  return 0;
}
