import type { Instance } from '../src/runtime/types';

/** Instances matching the containers filter (service, name, project or image; case-insensitive). */
export function visibleInstances(instances: Instance[], filter: string): Instance[] {
  const needle = filter.trim().toLowerCase();
  if (!needle) return instances;
  return instances.filter((i) => [i.service, i.name, i.project ?? '', i.image].some((field) => field.toLowerCase().includes(needle)));
}

export type Row = { kind: 'group'; project: string; count: number } | { kind: 'instance'; instance: Instance };

/** Instances under a heading per compose project, in store order. */
export function groupRows(instances: Instance[]): Row[] {
  const rows: Row[] = [];
  let current: string | undefined = '\0';
  for (const instance of instances) {
    const project = instance.project ?? '(no compose project)';
    if (project !== current) {
      rows.push({ kind: 'group', project, count: instances.filter((i) => (i.project ?? '(no compose project)') === project).length });
      current = project;
    }
    rows.push({ kind: 'instance', instance });
  }
  return rows;
}

/** The rows to show in `height` lines, keeping the selected one in view. */
export function scrollWindow<T>(rows: T[], selected: number, height: number): { rows: T[]; offset: number } {
  if (rows.length <= height) return { rows, offset: 0 };
  const offset = Math.min(Math.max(0, selected - Math.floor(height / 2)), rows.length - height);
  return { rows: rows.slice(offset, offset + height), offset };
}
