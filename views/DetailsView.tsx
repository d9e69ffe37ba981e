import React, { useEffect, useState } from 'react';
import { Box, Text } from 'ink';
import { useCockpit } from './context';
import type { InstanceDetails } from '../src/runtime/types';
import { sanitize } from '../src/text/sanitize';

/** The lines of the details view: what `docker inspect` would tell, secrets masked. */
export function detailLines(d: InstanceDetails): string[] {
  const i = d.instance;
  const out = [
    `Container  ${i.name}  (${i.id.slice(0, 12)})`,
    `Service    ${i.service}${i.project ? `   project ${i.project}` : ''}`,
    `Image      ${i.image}`,
    `Command    ${d.command || '-'}`,
    `State      ${i.state}${i.exitCode !== undefined && i.state !== 'running' ? ` (exit ${i.exitCode})` : ''}   health ${i.health ?? '-'}   restarts ${i.restarts}`,
    `Ports      ${i.ports.join(', ') || '-'}`,
    '', 'Environment',
    ...d.env.map((e) => `  ${e.name}=${e.value}`),
    '', 'Mounts',
    ...(d.mounts.length ? d.mounts.map((m) => `  ${m}`) : ['  -']),
    '', 'Labels',
    ...Object.entries(d.labels).sort().map(([k, v]) => `  ${k}=${v}`),
    '', 'Last health checks',
    ...(d.healthLog.length ? d.healthLog.map((h) => `  ${new Date(h.at).toISOString().slice(11, 19)} exit ${h.exitCode}  ${h.output.trim().split('\n').join(' ⏎ ')}`) : ['  - (no healthcheck)']),
  ];
  return out.map((line) => sanitize(line, { keepColor: false }));
}

export function DetailsView({ id, scroll, width, height }: { id: string; scroll: number; width: number; height: number }) {
  const { theme, details } = useCockpit();
  const [lines, setLines] = useState<string[]>(['loading…']);
  useEffect(() => {
    let live = true;
    details?.(id).then((d) => live && setLines(detailLines(d)), (error: Error) => live && setLines([`cannot inspect: ${error.message}`]));
    return () => { live = false; };
  }, [id, details]);
  const rows = Math.max(1, height - 3);
  const top = Math.max(0, Math.min(scroll, lines.length - rows));
  return (
    <Box flexDirection="column" width={width} height={height} borderStyle={theme.border} borderColor={theme.color ? 'cyan' : undefined} paddingX={1}>
      <Text bold>Details — j/k scroll · esc closes</Text>
      {lines.slice(top, top + rows).map((line, n) => <Text key={top + n} wrap="truncate-end">{line}</Text>)}
    </Box>
  );
}
