// Where the logs view goes on a scroll key: from the bottom line on screen (the newest
// matching line while following) to another matching line. Pure, over the merged lines.
import { newestMatching, stepFrom, matches } from '../src/logs/log-query';
import type { LogLine } from '../src/logs/line';
import type { LogView } from './ui-state';

export function scrollLogs(merged: readonly LogLine[], view: LogView, steps: number): LogLine | undefined {
  const from = view.follow || !view.anchor ? newestMatching(merged, view.query) : view.anchor;
  return from ? stepFrom(merged, view.query, from, steps) : undefined;
}

/** The anchor that shows the oldest kept lines, `rows` of them. */
export function oldestPage(merged: readonly LogLine[], view: LogView, rows: number): LogLine | undefined {
  const first = merged.find((line) => matches(line, view.query));
  return first ? stepFrom(merged, view.query, first, rows - 1) : undefined;
}
