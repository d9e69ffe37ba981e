// The panes under the header: the containers pane and the extra panes on top (side by side when
// wide), the logs below. A memo of plain values, so that while a full-screen view hides it the
// cockpit's re-renders leave it alone: a new element inside a hidden <Activity> is rendered again
// later, at low priority, in a frame of its own.
import React, { memo } from 'react';
import { Box } from 'ink';
import { useCockpit } from './context';
import { EXTRA_PANES } from './panes';
import { ContainersPane } from './ContainersPane';
import { LogsPane } from './LogsPane';
import type { ExtraPane } from './pane-registry';
import type { LogView, Pane } from './ui-state';

interface Props {
  columns: number;
  topHeight: number;
  logsHeight: number;
  /** Containers and every extra pane side by side on top; otherwise only `top`. */
  sideBySide: boolean;
  top: Pane;
  /** Rows of each extra pane when side by side, in EXTRA_PANES order (App keeps the array while they stay the same). */
  extraHeights: readonly number[];
  focus: Pane;
  overlayOpen: boolean;
  selectedId?: string;
  filter: string;
  logs: LogView;
}

export const PaneArea = memo(function PaneArea(props: Props) {
  const { columns, topHeight, logsHeight, sideBySide, focus, overlayOpen, selectedId, filter, logs } = props;
  const cockpit = useCockpit();
  const extra = EXTRA_PANES.filter((p) => p.enabled(cockpit));
  const top = extra.find((p) => p.id === props.top);
  const leftWidth = Math.floor(columns * 0.55);
  const containers = (width: number) => (
    <ContainersPane width={width} height={topHeight} focused={focus === 'containers'} selectedId={selectedId} filter={filter} />
  );
  const renderExtra = (pane: ExtraPane, width: number, height: number) => (
    <React.Fragment key={pane.id}>{pane.render({ width, height, focused: focus === pane.id, active: focus === pane.id && !overlayOpen })}</React.Fragment>
  );
  return (
    <>
      {topHeight > 0 && sideBySide
        ? <Box flexDirection="row">
            {containers(leftWidth)}
            <Box flexDirection="column">{extra.map((p, n) => renderExtra(p, columns - leftWidth, props.extraHeights[n] ?? 4))}</Box>
          </Box>
        : null}
      {topHeight > 0 && !sideBySide ? (top ? renderExtra(top, columns, topHeight) : containers(columns)) : null}
      {logsHeight > 2 ? <LogsPane width={columns} height={logsHeight} focused={focus === 'logs'} view={logs} /> : null}
    </>
  );
});
