// What the main thread and the log thread say to each other.
import type { LogStreamOptions } from './log-stream-parser';
import type { PackedLines } from '../logs/packed-lines';

export type ToLogThread =
  /** Follow container `id`'s logs: its last `tail` lines, or those after options.afterTs. */
  | { op: 'follow'; follower: number; id: string; tail: number; options: LogStreamOptions }
  | { op: 'stop'; follower: number }
  /** A batch of lines has been taken. */
  | { op: 'ack' };

export type FromLogThread =
  | { op: 'lines'; lines: PackedLines }
  /** A follower's stream ended (sent after its last lines); lastTs (µs) is where to pick up again. */
  | { op: 'ended'; follower: number; lastTs: number; error?: string };

export interface LogThreadData {
  host: string;
}
