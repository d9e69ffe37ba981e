// Streams one container's logs as sanitised lines. Ends when the container stops or the
// engine goes away; the source starts a new follower from the last timestamp seen.
import type Docker from 'dockerode';
import { FrameDemuxer, splitTimestamp, sinceParam, type FrameStream } from './demux';
import { LineSplitter } from '../text/lines';
import { sanitize } from '../text/sanitize';
import { makeLine, type LogLine } from '../logs/line';

export interface FollowOptions {
  service: string;
  container: string;
  tty: boolean;
  tail?: number;
  /** Only lines after this timestamp (µs). */
  afterTs?: number;
  follow: boolean;
  maxLineBytes: number;
  keepColor: boolean;
  signal?: AbortSignal;
  nextSeq: () => number;
}

export async function followLogs(docker: Docker, id: string, options: FollowOptions, onLines: (lines: LogLine[]) => void): Promise<void> {
  const result = (await docker.getContainer(id).logs({
    follow: options.follow, stdout: true, stderr: true, timestamps: true,
    tail: options.afterTs === undefined ? options.tail : undefined,
    since: options.afterTs === undefined ? undefined : sinceParam(options.afterTs),
    abortSignal: options.signal,
  } as Docker.ContainerLogsOptions & { follow: true })) as NodeJS.ReadableStream | Buffer;
  const splitters = { stdout: new LineSplitter(options.maxLineBytes), stderr: new LineSplitter(options.maxLineBytes) };
  let lastTs = options.afterTs ?? 0;

  const emit = (stream: FrameStream, raw: { text: string; truncatedBytes: number }[]) => {
    const lines: LogLine[] = [];
    for (const { text, truncatedBytes } of raw) {
      const stamped = splitTimestamp(text);
      const ts = stamped?.ts ?? lastTs;
      if (options.afterTs !== undefined && stamped && ts <= options.afterTs) continue;
      lastTs = Math.max(lastTs, ts);
      lines.push(makeLine({
        seq: options.nextSeq(), ts, service: options.service, container: options.container, stream,
        text: sanitize(stamped?.text ?? text, { keepColor: options.keepColor }), truncatedBytes,
      }));
    }
    if (lines.length) onLines(lines);
  };
  const demuxer = new FrameDemuxer((s, payload) => emit(s, splitters[s].push(payload)));
  const feed = (chunk: Buffer) => (options.tty ? emit('stdout', splitters.stdout.push(chunk)) : demuxer.push(chunk));

  if (Buffer.isBuffer(result)) feed(result);
  else {
    await new Promise<void>((resolve, reject) => {
      result.on('data', feed);
      result.on('end', resolve);
      result.on('close', resolve);
      result.on('error', (error: Error) => (options.signal?.aborted ? resolve() : reject(error)));
    });
  }
  emit('stdout', splitters.stdout.flush());
  emit('stderr', splitters.stderr.flush());
}
