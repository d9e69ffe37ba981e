import React, { useCallback, useMemo, useRef, useState } from 'react';
import { Box, useWindowSize } from 'ink';
import { useCockpit } from './context';
import { useAppState, useLogVersion } from './hooks';
import { bindingsFor } from './key-table';
import { reduce, type UiAction, type UiState } from './ui-state';
import { visibleInstances, groupRows } from './visible-instances';
import { useKeys } from './use-keys';
import { Header } from './Header';
import { Footer } from './Footer';
import { ContainersPane } from './ContainersPane';
import { LogsPane } from './LogsPane';
import { HelpOverlay } from './HelpOverlay';
import { ConfirmDialog } from './ConfirmDialog';
import { DetailsView } from './DetailsView';
import { Prompt } from './Prompt';
import { ServicesPicker } from './ServicesPicker';

export function App({ initial }: { initial: UiState }) {
  const cockpit = useCockpit();
  const { columns, rows } = useWindowSize();
  const [ui, setUi] = useState(initial);
  const latest = useRef(initial);
  const dispatch = useCallback((action: UiAction) => {
    latest.current = reduce(latest.current, action);
    setUi(latest.current);
  }, []);
  const instances = useAppState((s) => s.instances);
  useLogVersion();
  const bindings = useMemo(() => bindingsFor(cockpit.readOnly), [cockpit.readOnly]);
  const visible = visibleInstances(instances, ui.containerFilter);
  const selected = visible.find((i) => i.id === ui.selectedId) ?? visible[0];
  const services = [...new Set([...instances.map((i) => i.service), ...cockpit.feed.store.services()])].sort();

  const body = Math.max(4, rows - 2);
  const dialog = ui.overlay?.kind === 'confirm' ? 6 : ui.overlay?.kind === 'services' ? Math.min(body - 4, services.length + 3) : 0;
  const wanted = groupRows(visible).length + 3;
  const containersHeight = ui.zoom ? (ui.focus === 'containers' ? body : 0) : Math.min(Math.max(5, wanted), Math.floor(body * 0.45));
  const logsHeight = Math.max(0, body - containersHeight - dialog);
  useKeys({ current: () => latest.current, dispatch, bindings, visible, selected, logRows: Math.max(1, logsHeight - 2), services });

  const fullscreen = ui.overlay?.kind === 'help' || ui.overlay?.kind === 'details';
  return (
    <Box flexDirection="column" width={columns} height={rows}>
      <Header width={columns} />
      {ui.overlay?.kind === 'help' ? <HelpOverlay bindings={bindings} width={columns} height={body} scroll={ui.overlay.scroll} /> : null}
      {ui.overlay?.kind === 'details' ? <DetailsView id={ui.overlay.instanceId} scroll={ui.overlay.scroll} width={columns} height={body} /> : null}
      {!fullscreen && containersHeight > 0
        ? <ContainersPane width={columns} height={containersHeight} focused={ui.focus === 'containers'} selectedId={selected?.id} filter={ui.containerFilter} />
        : null}
      {!fullscreen && logsHeight > 2 ? <LogsPane width={columns} height={logsHeight} focused={ui.focus === 'logs'} view={ui.logs} /> : null}
      {ui.overlay?.kind === 'confirm' ? <ConfirmDialog text={ui.overlay.text} width={columns} /> : null}
      {ui.overlay?.kind === 'services'
        ? <ServicesPicker services={services} cursor={ui.overlay.cursor} width={columns}
            shown={(s) => (ui.logs.include ? ui.logs.include.has(s) : !ui.logs.exclude.has(s))} />
        : null}
      {ui.overlay?.kind === 'prompt'
        ? <Prompt label={ui.overlay.target === 'logs' ? '/ logs (regex, !re inverts):' : '/ containers:'} text={ui.overlay.text} error={ui.overlay.error} width={columns} />
        : <Footer width={columns} bindings={bindings} focus={ui.focus} />}
    </Box>
  );
}
