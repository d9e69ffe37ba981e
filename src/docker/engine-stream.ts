// One streamed GET to an engine over a unix socket or plain TCP, on a connection of its own:
// the body goes to `onBody` as it arrives and the end, or the error, to `onEnd` once. For
// `logs?follow=1`, whose response lasts as long as the container runs.
import { connect } from 'node:net';
import { EngineError, jsonOf, type plainEngine } from './engine-http';
import { ResponseReader, type HttpResponse } from './http-response';

export interface EngineStream {
  pause(): void;
  resume(): void;
  /** Ends the request without calling onEnd. */
  close(): void;
}

type PlainEngine = NonNullable<ReturnType<typeof plainEngine>>;

export function streamGet(engine: PlainEngine, path: string, onBody: (part: Buffer) => void, onEnd: (error?: Error) => void): EngineStream {
  const socket = connect(engine.target);
  const reader = new ResponseReader(onBody);
  let finished = false;
  const finish = (error?: Error) => {
    if (finished) return;
    finished = true;
    socket.destroy();
    onEnd(error);
  };
  const answered = (response: HttpResponse) => {
    finish(response.status < 300 ? undefined : new EngineError(response.status, jsonOf(response.body) as { message?: string } | undefined));
  };
  socket.on('connect', () => socket.write(`GET ${path} HTTP/1.1\r\nHost: ${engine.hostHeader}\r\nUser-Agent: opsdeck\r\nConnection: close\r\n\r\n`));
  socket.on('data', (chunk: Buffer) => {
    try {
      const response = reader.feed(chunk);
      if (response) answered(response);
    } catch (error) { finish(error as Error); }
  });
  socket.on('end', () => {
    try { answered(reader.end()); } catch (error) { finish(error as Error); }
  });
  socket.on('error', (error) => finish(error));
  socket.on('close', () => finish(new Error('the engine closed the connection')));
  return {
    pause: () => socket.pause(),
    resume: () => socket.resume(),
    close: () => { finished = true; socket.destroy(); },
  };
}
