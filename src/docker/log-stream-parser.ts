// Turns the bytes of one container's log stream (`timestamps=true`) into sanitised lines with
// Docker's timestamp: stdout and stderr demultiplexed unless the container has a TTY, lines split
// and cut at maxLineBytes, and those at or before `afterTs` (already delivered) skipped. Runs on
// the log thread and, for engines that thread cannot reach, on the main thread.
import { FrameDemuxer, splitTimestamp, type FrameStream } from './demux';
import { LineSplitter, type SplitLine } from '../text/lines';
import { sanitize } from '../text/sanitize';

export interface LogStreamOptions {
  tty: boolean;
  maxLineBytes: number;
  keepColor: boolean;
  /** Only lines after this timestamp (µs). */
  afterTs?: number;
}

// Docker's `2026-11-24T00:15:49.123456789Z ` prefix: not part of the line's maxLineBytes.
const TIMESTAMP_BYTES = 31;

export type OnLine = (stream: FrameStream, ts: number, text: string, truncatedBytes: number) => void;

export class LogStreamParser {
  /** Timestamp of the newest line so far (µs): where a follower started again picks up. */
  lastTs: number;
  private readonly splitters: Record<FrameStream, LineSplitter>;
  private readonly demuxer: FrameDemuxer;

  constructor(private readonly options: LogStreamOptions, private readonly onLine: OnLine) {
    this.lastTs = options.afterTs ?? 0;
    const limit = options.maxLineBytes + TIMESTAMP_BYTES;
    this.splitters = { stdout: new LineSplitter(limit), stderr: new LineSplitter(limit) };
    this.demuxer = new FrameDemuxer((stream, payload) => this.emit(stream, this.splitters[stream].push(payload)));
  }

  push(chunk: Buffer): void {
    if (this.options.tty) this.emit('stdout', this.splitters.stdout.push(chunk));
    else this.demuxer.push(chunk);
  }

  /** The stream ended: its unterminated last lines. */
  end(): void {
    this.emit('stdout', this.splitters.stdout.flush());
    this.emit('stderr', this.splitters.stderr.flush());
  }

  private emit(stream: FrameStream, lines: SplitLine[]): void {
    const { afterTs, keepColor } = this.options;
    for (const { text, truncatedBytes } of lines) {
      const stamped = splitTimestamp(text);
      const ts = stamped?.ts ?? this.lastTs;
      if (afterTs !== undefined && stamped && ts <= afterTs) continue;
      if (ts > this.lastTs) this.lastTs = ts;
      this.onLine(stream, ts, sanitize(stamped?.text ?? text, { keepColor }), truncatedBytes);
    }
  }
}
