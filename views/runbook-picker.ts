// The runbook picker's list and keys: runbooks a live signal suggests first (marked), then the
// rest by id; enter opens the selected one's wizard with its default parameters.
import type { Key } from 'ink';
import type { RunbookLibrary } from '../src/runbooks/load';
import type { Offer } from '../src/runbooks/signals';

export interface PickerEntry {
  id: string;
  title: string;
  severity: string;
  /** Why it is suggested now, when a signal shows. */
  offer?: Offer;
}

export interface PickerOverlay {
  kind: 'runbooks';
  cursor: number;
  entries: PickerEntry[];
  open(id: string): void;
}

export function pickerEntries(library: RunbookLibrary, offers: Offer[]): PickerEntry[] {
  const suggested = offers.flatMap((offer) => {
    const found = library.runbooks.get(offer.runbook)?.runbook;
    return found ? [{ id: found.id, title: found.title, severity: found.severity, offer }] : [];
  });
  const rest = [...library.runbooks.values()].map((l) => l.runbook).filter((r) => !offers.some((o) => o.runbook === r.id))
    .sort((a, b) => a.id.localeCompare(b.id)).map((r) => ({ id: r.id, title: r.title, severity: r.severity }));
  return [...suggested, ...rest];
}

export function pickerKey(overlay: PickerOverlay, input: string, key: Key, update: (next: PickerOverlay | undefined) => void): void {
  const last = overlay.entries.length - 1;
  const move = (to: number) => update({ ...overlay, cursor: Math.max(0, Math.min(last, to)) });
  if (key.escape || input === 'q') return update(undefined);
  if (key.downArrow || input === 'j') return move(overlay.cursor + 1);
  if (key.upArrow || input === 'k') return move(overlay.cursor - 1);
  if (key.pageDown) return move(overlay.cursor + 10);
  if (key.pageUp) return move(overlay.cursor - 10);
  if (input === 'g' || key.home) return move(0);
  if (input === 'G' || key.end) return move(last);
  const entry = overlay.entries[overlay.cursor];
  if (key.return && entry) overlay.open(entry.id);
}
