// Streams one container's logs as sanitised lines through dockerode, on the main thread: for
// engines the log thread cannot reach (TLS, ssh) and for `opsdeck logs`. Ends when the container
// stops or the engine goes away; the source starts a new follower from the last timestamp seen.
import type Docker from 'dockerode';
import { sinceParam } from './demux';
import { LogStreamParser, type LogStreamOptions } from './log-stream-parser';
import { makeLine, type LogLine } from '../logs/line';

export interface FollowOptions extends LogStreamOptions {
  service: string;
  container: string;
  tail?: number;
  follow: boolean;
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
  let lines: LogLine[] = [];
  const parser = new LogStreamParser(options, (stream, ts, text, truncatedBytes) => {
    lines.push(makeLine({ seq: options.nextSeq(), ts, service: options.service, container: options.container, stream, text, truncatedBytes }));
  });
  const deliver = () => {
    if (lines.length) onLines(lines);
    lines = [];
  };
  const feed = (chunk: Buffer) => { parser.push(chunk); deliver(); };

  if (Buffer.isBuffer(result)) feed(result);
  else {
    await new Promise<void>((resolve, reject) => {
      result.on('data', feed);
      result.on('end', resolve);
      result.on('close', resolve);
      result.on('error', (error: Error) => (options.signal?.aborted ? resolve() : reject(error)));
    });
  }
  parser.end();
  deliver();
}
