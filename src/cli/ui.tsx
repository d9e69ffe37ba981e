// The full-screen cockpit. Whatever ends it (q, ctrl-c, SIGTERM, SIGHUP, a crash), Ink's
// unmount restores the terminal: raw mode off, cursor shown, alternate screen left.
import type { Cockpit } from '../../views/context';
import { makeTheme } from '../../views/theme';
import { initialUi } from '../../views/ui-state';
import { createStore } from '../store/store';
import { initialState, type AppState } from '../store/app-state';
import { LogFeed } from '../logs/log-feed';
import { deferredDockerSource } from './deferred-docker-source';
import { seedFirstListing } from '../docker/first-listing';
import { AuditJournal } from '../audit/journal';
import { openShell } from './shell';
import { startBenchStats } from './bench-stats';
import { routeWarnings } from './route-warnings';
import { collectWhileQuiet } from '../runtime/quiet-collector';
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

// Log floods are held to 10 frames/s by useLogVersion; a higher cap only lets a key press
// draw sooner (at 20 it could wait 50 ms behind the last log frame).
const MAX_FPS = 60;

export async function runUi(settings: Settings, custom?: { makeSource: (state: Store<AppState>, feed: LogFeed) => UiSource; drills?: () => DrillAccess }): Promise<number> {
  if (!process.stdout.isTTY || !process.stdin.isTTY) {
    process.stderr.write('opsdeck: the cockpit needs a terminal (over SSH use ssh -t); in scripts use `opsdeck status` or `opsdeck logs`.\n');
    return 2;
  }
  const theme = makeTheme();
  const { config } = settings;
  const state = createStore<AppState>(initialState(settings.dockerHost));
  // The listing main.ts asked for early (src/docker/first-listing.ts).
  const seeded = custom || config.processes ? undefined : seedFirstListing(state, settings.dockerHost, settings.project);
  const feed = new LogFeed(config.logs.buffer, undefined, config.logs.buffer_bytes);
  const processes = config.processes && Object.entries(config.processes).map(([name, spec]) => ({ name, ...spec }));
  const source: UiSource = custom?.makeSource(state, feed)
    ?? (processes ? new (await import('../process/process-source')).ProcessSource(processes, state, feed, { project: settings.project, keepColor: theme.color }) : undefined)
    ?? deferredDockerSource({
    host: settings.dockerHost, project: settings.project, refreshMs: config.refresh,
    logs: { tail: config.logs.tail, maxLineBytes: config.logs.max_line_bytes, keepColor: theme.color },
  }, state, feed);
  const cockpit: Cockpit = {
    state, feed, runtime: source, journal: new AuditJournal(settings.auditPath), theme, readOnly: settings.readOnly,
    project: settings.project, details: (id) => source.details(id), openShell: custom || processes ? undefined : (id) => openShell(settings.dockerHost, id),
    drills: custom?.drills?.(),
  };
  // A DockerSource with an early listing opens after the first frame (below); other sources now.
  if (!seeded) source.open();
  const restoreWarnings = routeWarnings(state);
  // Health, lag and runbooks (undici, kafkajs, execa) load once the first listing is on screen.
  const extras = afterFirstListing(state)
    .then(() => import('./cockpit-extras'))
    .then((m) => m.attachExtras(cockpit, settings, source))
    .catch((error: Error) => {
      state.set((s) => ({ ...s, notice: { kind: 'error', text: `health, lag or runbooks did not start: ${error.message}`, at: Date.now() } }));
      return undefined;
    });
  // Ink, React and the views load while the engine answers. One turn of the event loop first, so
  // the answers to the early requests are read and the inspects go out before that long block;
  // then the first frame waits a little for the listing rather than draw "connecting" and redraw.
  await new Promise((resolve) => setImmediate(resolve));
  const [{ render }, { App }, { CockpitContext }] = await Promise.all([import('ink'), import('../../views/App'), import('../../views/context')]);
  await Promise.race([seeded, new Promise((resolve) => setTimeout(resolve, 100))]);
  const benchStats = process.env.OPSDECK_BENCH_STATS ? startBenchStats(process.env.OPSDECK_BENCH_STATS, feed) : undefined;
  const instance = render(
    <CockpitContext.Provider value={cockpit}>
      <App initial={initialUi({ include: config.logs.include, exclude: config.logs.exclude, timestamps: config.logs.timestamps, wrap: config.logs.wrap })} />
    </CockpitContext.Provider>,
    // Incremental: Ink writes only the lines that changed (each whole: its per-line diff, which
    // measured every changed line again, is patched out), so the diffing stdout below parses and
    // compares those rows alone.
    { alternateScreen: true, incrementalRendering: true, exitOnCtrlC: false, patchConsole: true, maxFps: MAX_FPS,
      // A terminal is a terminal even where CI=true is set (Ink would then draw only the last frame).
      interactive: true, onRender: benchStats?.onRender,
      // Ink draws into a model of the screen; the terminal gets only the cells that changed.
      ...diffingTerminal(process.stdout, process.stderr) },
  );
  // render() has drawn the first frame. The DockerSource starts once the early listing is in too
  // (or is not coming): its first refresh then finds those instances unchanged, and its requests,
  // log streams and log thread (~20 ms of the main thread) did not hold up the first frame.
  if (seeded) void seeded.then(() => source.open());
  const crash = (error: unknown) => {
    instance.unmount();
    process.stderr.write(`opsdeck crashed: ${error instanceof Error ? error.stack : String(error)}\n`);
    process.exit(70);
  };
  let lastInputAt = 0;
  const keyCame = () => { lastInputAt = Date.now(); };
  process.stdin.on('readable', keyCame);
  const stopCollector = collectWhileQuiet({ linesReceived: () => feed.store.received, lastInputAt: () => lastInputAt });
  process.on('uncaughtException', crash);
  process.on('unhandledRejection', crash);
  // Failpoints for the terminal tests: a crash outside React, or a Node warning, after the first frame.
  if (process.env.OPSDECK_FAILPOINT === 'crash') setTimeout(() => { throw new Error('failpoint: crash'); }, 1000);
  if (process.env.OPSDECK_FAILPOINT === 'warning') setTimeout(() => process.emitWarning('failpoint: a library warned', 'FailpointWarning'), 1000);
  try {
    await instance.waitUntilExit();
  } finally {
    stopCollector();
    process.stdin.off('readable', keyCame);
    cockpit.drills?.dispose();
    await source.close();
    await (await extras)?.();
    benchStats?.stop();
    restoreWarnings();
  }
  return 0;
}

/**
 * Resolves once the source has listed instances or failed (or after a second), and then one frame
 * interval later, so that Ink's throttled frame with the listing is out before the extras load.
 */
function afterFirstListing(state: Store<AppState>): Promise<void> {
  const said = () => state.get().instances.length > 0 || state.get().docker.status === 'down';
  return new Promise((resolve) => {
    const done = () => { clearTimeout(timer); unsubscribe(); setTimeout(resolve, 1000 / MAX_FPS + 10); };
    const timer = setTimeout(done, 1000);
    const unsubscribe = state.subscribe(() => { if (said()) done(); });
    if (said()) done();
  });
}
