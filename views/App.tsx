import React, { Activity, useCallback, useMemo, useRef, useState } from 'react';
import { Box, useWindowSize } from 'ink';
import { useCockpit } from './context';
import { useAppState, useLogVersion } from './hooks';
import { bindingsFor } from './key-table';
import { reduce, type UiAction, type UiState } from './ui-state';
import { visibleInstances, groupRows } from './visible-instances';
import { useKeys } from './use-keys';
import { EXTRA_PANES } from './panes';
import { PaneHostContext, type PaneHost } from './pane-host';
import { Header } from './Header';
import { Footer } from './Footer';
import { PaneArea } from './PaneArea';
import { HelpOverlay } from './HelpOverlay';
import { ConfirmDialog } from './ConfirmDialog';
import { DetailsView } from './DetailsView';
import { Prompt } from './Prompt';
import { ServicesPicker } from './ServicesPicker';
import { Wizard } from './Wizard';
import { RunbookPicker } from './RunbookPicker';
import { configKeyBindings } from './runbook-access';
import { DrillPicker } from './DrillPicker';
import { drillBindings } from './drill-picker';

/** Side by side when the terminal is this wide; otherwise one top pane at a time (digits switch). */
const WIDE = 160;
const HEADER_ROWS = 1;

export function App({ initial }: { initial: UiState }) {
  const cockpit = useCockpit();
  const { columns, rows } = useWindowSize();
  const [ui, setUi] = useState(initial);
  const latest = useRef(initial);
  const dispatch = useCallback((action: UiAction) => {
    latest.current = reduce(latest.current, action);
    setUi(latest.current);
  }, []);
  const host = useMemo<PaneHost>(() => ({ confirm: (text, run) => dispatch({ type: 'overlay', overlay: { kind: 'confirm', text, run } }) }), [dispatch]);
  const instances = useAppState((s) => s.instances);
  const extrasAt = useAppState((s) => s.extrasAt);
  // Only the services picker needs the whole screen to follow the log feed; otherwise a flood
  // re-renders just the logs pane.
  useLogVersion(ui.overlay?.kind === 'services');
  const extra = EXTRA_PANES.filter((p) => p.enabled(cockpit));
  const bindings = useMemo(() => bindingsFor(cockpit.readOnly, [...extra.flatMap((p) => p.bindings), ...configKeyBindings(cockpit.runbooks), ...drillBindings(cockpit)])
    .filter((b) => b.command !== 'shell' || cockpit.openShell), [cockpit.readOnly, extra.length, cockpit.openShell, extrasAt]);
  const visible = visibleInstances(instances, ui.containerFilter);
  const selected = visible.find((i) => i.id === ui.selectedId) ?? visible[0];
  const services = [...new Set([...instances.map((i) => i.service), ...cockpit.feed.store.services()])].sort();

  const body = Math.max(4, rows - HEADER_ROWS - 1);
  const wide = columns >= WIDE && extra.length > 0;
  const top = extra.find((p) => p.id === ui.top);
  const containersWanted = groupRows(visible).length + 3;
  const wanted = wide ? Math.max(containersWanted, extra.reduce((sum, p) => sum + p.rowsWanted(cockpit), 0)) : top ? top.rowsWanted(cockpit) : containersWanted;
  const dialog = ui.overlay?.kind === 'confirm' ? 6 : ui.overlay?.kind === 'services' ? Math.min(body - 4, services.length + 3)
    : ui.overlay?.kind === 'drills' ? Math.min(body - 4, ui.overlay.entries.length + 4) : 0;
  const zoomedLogs = ui.zoom && ui.focus === 'logs';
  const topHeight = ui.zoom ? (zoomedLogs ? 0 : body - dialog) : Math.min(Math.max(5, wanted), Math.floor(body * 0.5));
  const logsHeight = Math.max(0, body - topHeight - dialog);
  useKeys({
    current: () => latest.current, dispatch, bindings, visible, selected, logRows: Math.max(1, logsHeight - 2), services,
    paneOrder: ['containers', ...extra.map((p) => p.id), 'logs'], paneKeys: Object.fromEntries(extra.map((p) => [p.id, p.key])),
  });

  const fullscreen = ui.overlay?.kind === 'help' || ui.overlay?.kind === 'details' || ui.overlay?.kind === 'wizard' || ui.overlay?.kind === 'runbooks';
  // The help is built from the start, hidden (React renders a hidden Activity at idle priority,
  // after the visible frame): opening it shows it without making its nodes, the first time too.
  const help = ui.overlay?.kind === 'help' ? ui.overlay : undefined;
  const helpScroll = useRef(0);
  if (help) helpScroll.current = help.scroll;
  const extraIds = extra.map((p) => p.id).join();
  const titles = useMemo(() => Object.fromEntries(extra.map((p) => [p.id, p.title])), [extraIds]);
  const sideBySide = wide && !ui.zoom;
  const heights = sideBySide ? shares(topHeight, extra.map((e) => e.rowsWanted(cockpit))) : [];
  const extraHeights = useMemo(() => heights, [heights.join()]);
  // One array while nothing changes, so that the footer (memo) is not drawn again for each key.
  const switchable = useMemo(() => (wide || extra.length === 0 ? [] : [{ key: '1', title: 'containers' }, ...extra.map((p) => ({ key: p.key, title: p.title }))]),
    [wide, extraIds]);
  return (
    <PaneHostContext.Provider value={host}>
      <Box flexDirection="column" width={columns} height={rows}>
        <Header width={columns} />
        {/* Drawn over the panes, which stay laid out beneath it (hidden, not drawn): see Activity below. */}
        <Activity mode={help ? 'visible' : 'hidden'}>
          <HelpOverlay top={HEADER_ROWS} bindings={bindings} width={columns} height={body} scroll={helpScroll.current} titles={titles} />
        </Activity>
        {fullscreen && !help
          ? <Box position="absolute" marginTop={HEADER_ROWS} width={columns} height={body} flexDirection="column">
              {ui.overlay?.kind === 'details' ? <DetailsView id={ui.overlay.instanceId} scroll={ui.overlay.scroll} width={columns} height={body} /> : null}
              {ui.overlay?.kind === 'wizard' ? <Wizard session={ui.overlay.session} width={columns} height={body} /> : null}
              {ui.overlay?.kind === 'runbooks' ? <RunbookPicker overlay={ui.overlay} width={columns} height={body} /> : null}
            </Box>
          : null}
        {/* Hidden, not unmounted, under a full-screen view: closing help or details shows the panes
            again without building their rows anew, and hidden panes take no updates meanwhile.
            They keep their layout while hidden (scripts/ink-frame-patches.mjs), so showing them
            again lays out only what changed. Their props stay the same while a full-screen view is
            up (overlayOpen counts only the overlays drawn over visible panes; hidden panes take no
            keys anyway), or React would render them again behind it in a frame of its own. */}
        <Activity mode={fullscreen ? 'hidden' : 'visible'}>
          <PaneArea columns={columns} topHeight={topHeight} logsHeight={logsHeight} sideBySide={sideBySide} top={ui.top} extraHeights={extraHeights}
            focus={ui.focus} overlayOpen={ui.overlay !== undefined && !fullscreen} selectedId={selected?.id} filter={ui.containerFilter} logs={ui.logs} />
        </Activity>
        {ui.overlay?.kind === 'confirm' ? <ConfirmDialog text={ui.overlay.text} width={columns} /> : null}
        {ui.overlay?.kind === 'services'
          ? <ServicesPicker services={services} cursor={ui.overlay.cursor} width={columns}
              shown={(s) => (ui.logs.include ? ui.logs.include.has(s) : !ui.logs.exclude.has(s))} />
          : null}
        {ui.overlay?.kind === 'drills' ? <DrillPicker overlay={ui.overlay} width={columns} /> : null}
        {ui.overlay?.kind === 'prompt'
          ? <Prompt label={ui.overlay.target === 'logs' ? '/ logs (regex, !re inverts):' : '/ containers:'} text={ui.overlay.text} error={ui.overlay.error} width={columns} />
          : <Footer width={columns} bindings={bindings} focus={ui.focus}
              panes={switchable} />}
      </Box>
    </PaneHostContext.Provider>
  );
}

/** `total` rows shared in proportion to what each pane wants (at least 4 each). */
function shares(total: number, wanted: number[]): number[] {
  const sum = wanted.reduce((a, b) => a + b, 0) || 1;
  const sizes = wanted.map((w) => Math.max(4, Math.floor((total * w) / sum)));
  sizes[sizes.length - 1] = Math.max(4, total - sizes.slice(0, -1).reduce((a, b) => a + b, 0));
  return sizes;
}
