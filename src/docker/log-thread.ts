// The log thread: follows containers' log streams, parses them and hands the lines to the main
// thread in packed batches (50 ms apart). A flood is parsed here, so the UI thread stays free to
// answer keys and its heap does not churn. The main thread acks each batch; while three are
// unanswered this thread stops reading, so a busy UI backs the flood up into the engine (which
// keeps the lines), not into memory.
import { readlinkSync } from 'node:fs';
import { constants, setPriority } from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';
import { plainEngine } from './engine-http';
import { streamGet, type EngineStream } from './engine-stream';
import { sinceParam } from './demux';
import { LogStreamParser } from './log-stream-parser';
import { LinePacker } from '../logs/packed-lines';
import type { FromLogThread, LogThreadData, ToLogThread } from './log-thread-messages';
import { startLogThreadBenchStats } from '../cli/bench-stats';

// One batch per LogFeed window (50 ms): each batch is one merge into the store's order.
const FLUSH_MS = 50;
const MAX_BATCH_BYTES = 512 * 1024;
const MAX_UNANSWERED = 3;

const port = parentPort!;
const engine = plainEngine((workerData as LogThreadData).host)!;
const packer = new LinePacker();
const streams = new Map<number, EngineStream>();
let ended: FromLogThread[] = [];
let unanswered = 0;
let timer: NodeJS.Timeout | undefined;
if (process.env.OPSDECK_BENCH_STATS) startLogThreadBenchStats(process.env.OPSDECK_BENCH_STATS);
yieldToTheUiThread();

/**
 * Under a flood both cores are busy; this thread, niced below the UI thread, gets the CPU after
 * it, so a key press is drawn first and the flood waits (the engine keeps its lines). Linux
 * only: a thread may lower its own priority, and setpriority on a thread id applies to that thread.
 */
function yieldToTheUiThread(): void {
  try {
    const tid = Number(readlinkSync('/proc/thread-self').split('/').pop());
    if (tid > 0) setPriority(tid, constants.priority.PRIORITY_BELOW_NORMAL);
  } catch { /* not Linux, or not allowed: same priority as the UI thread */ }
}

function follow({ follower, id, tail, options }: Extract<ToLogThread, { op: 'follow' }>): void {
  const from = options.afterTs === undefined ? `tail=${tail}` : `since=${sinceParam(options.afterTs)}`;
  const path = `/containers/${encodeURIComponent(id)}/logs?follow=1&stdout=1&stderr=1&timestamps=1&${from}`;
  const parser = new LogStreamParser(options, (stream, ts, text, truncated) => packer.add(follower, stream, ts, text, truncated));
  const stream = streamGet(engine, path, (part) => { parser.push(part); added(); }, (error) => {
    streams.delete(follower);
    parser.end();
    ended.push({ op: 'ended', follower, lastTs: parser.lastTs, error: error?.message });
    flush();
  });
  streams.set(follower, stream);
  if (unanswered >= MAX_UNANSWERED) stream.pause();
}

function added(): void {
  if (packer.textBytes >= MAX_BATCH_BYTES) flush();
  else timer ??= setTimeout(flush, FLUSH_MS);
}

/** Sends what is packed, then the ends that came after it; waits while the main thread is behind. */
function flush(): void {
  clearTimeout(timer);
  timer = undefined;
  if (packer.size > 0) {
    if (unanswered >= MAX_UNANSWERED) return;
    const { lines, transfer } = packer.take();
    unanswered++;
    port.postMessage({ op: 'lines', lines } satisfies FromLogThread, transfer);
    if (unanswered === MAX_UNANSWERED) for (const stream of streams.values()) stream.pause();
  }
  for (const message of ended) port.postMessage(message);
  ended = [];
}

port.on('message', (message: ToLogThread) => {
  if (message.op === 'follow') follow(message);
  else if (message.op === 'stop') {
    streams.get(message.follower)?.close();
    streams.delete(message.follower);
  } else if (message.op === 'ack') {
    unanswered--;
    if (unanswered === MAX_UNANSWERED - 1) for (const stream of streams.values()) stream.resume();
    if (packer.size > 0 || ended.length) flush();
  }
});
