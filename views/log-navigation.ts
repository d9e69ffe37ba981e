// Where the logs view goes on a scroll key: from the bottom line on screen (the newest
// matching line while following) to another matching line. Pure, over the kept lines.
import { newestMatching, oldestMatching, stepFrom } from '../src/logs/log-query';
import type { LogLine } from '../src/logs/line';
import type { LogStore } from '../src/logs/log-store';
import type { LogView } from './ui-state';

export function scrollLogs(store: LogStore, view: LogView, steps: number): LogLine | undefined {
  const from = view.follow || !view.anchor ? newestMatching(store, view.query) : view.anchor;
  return from ? stepFrom(store, view.query, from, steps) : undefined;
}

/** The anchor that shows the oldest kept lines, `rows` of them. */
export function oldestPage(store: LogStore, view: LogView, rows: number): LogLine | undefined {
  const first = oldestMatching(store, view.query);
  return first ? stepFrom(store, view.query, first, rows - 1) : undefined;
}
