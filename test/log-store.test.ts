import { describe, it, expect } from 'vitest';
import { LogStore } from '../src/logs/log-store';
import { makeLine, detectLevel, type LogLine } from '../src/logs/line';
import { makeQuery, windowEndingAt, stepFrom, newestMatching } from '../src/logs/log-query';
import { LinePacker, releasePacked } from '../src/logs/packed-lines';

let seq = 0;
const line = (service: string, ts: number, text: string, stream: 'stdout' | 'stderr' = 'stdout'): LogLine =>
  makeLine({ seq: ++seq, ts, service, container: `${service}-1`, stream, text, truncatedBytes: 0 });
const texts = (lines: LogLine[]) => lines.map((l) => l.text);
const all = makeQuery({ invert: false, exclude: new Set() });

describe('merged log store', () => {
  it('orders lines of several services by Docker timestamp, even when a tail arrives late', () => {
    const store = new LogStore(100);
    store.add([line('api', 10, 'api 10'), line('api', 30, 'api 30')]);
    store.add([line('db', 5, 'db 5'), line('db', 20, 'db 20'), line('db', 40, 'db 40')]);
    expect(texts(store.toArray())).toEqual(['db 5', 'api 10', 'db 20', 'api 30', 'db 40']);
  });

  it('bounds memory per service and counts every dropped line', () => {
    const store = new LogStore(3);
    store.add(Array.from({ length: 10 }, (_, i) => line('api', i, `api ${i}`)));
    store.add([line('db', 100, 'db')]);
    expect(store.dropped('api')).toBe(7);
    expect(store.dropped()).toBe(7);
    expect(texts(store.kept('api'))).toEqual(['api 7', 'api 8', 'api 9']);
    expect(texts(windowEndingAt(store, all, 10, undefined))).toEqual(['api 7', 'api 8', 'api 9', 'db']);
    // a busy service does not push out a quiet one's lines
    expect(texts(store.kept('db'))).toEqual(['db']);
    expect(store.received).toBe(11);
  });
});

describe('compact log storage', () => {
  it('keeps the lines of a batch from the log thread after the batch itself is freed', () => {
    const packer = new LinePacker();
    packer.add(1, 'stdout', 2_000, 'api second', 0);
    packer.add(2, 'stderr', 1_000, 'db first ERROR ünïcode', 0);
    const { lines } = packer.take();
    const store = new LogStore(100);
    let n = 0;
    store.addPacked(lines, (follower) => ({ service: follower === 1 ? 'api' : 'db', container: `c${follower}` }), () => ++n);
    releasePacked(lines);
    expect(lines.text.byteLength).toBe(0);
    const kept = store.toArray();
    expect(texts(kept)).toEqual(['db first ERROR ünïcode', 'api second']);
    expect(kept.map((l) => [l.service, l.container, l.stream, l.level])).toEqual([['db', 'c2', 'stderr', 'error'], ['api', 'c1', 'stdout', undefined]]);
  });

  it('keeps each service within its byte budget, dropping whole oldest lines and counting them', () => {
    const store = new LogStore(1000, 400);
    // 30-byte lines: a 400-byte ring holds about a dozen, whatever the line count allows.
    const lines = Array.from({ length: 50 }, (_, i) => line('api', i, `api line ${String(i).padStart(2, '0')} ${'x'.repeat(16)}`));
    for (let i = 0; i < lines.length; i += 7) store.add(lines.slice(i, i + 7));
    const kept = store.kept('api');
    expect(kept.length).toBeGreaterThan(8);
    expect(kept.length + store.dropped('api')).toBe(50);
    expect(texts(kept)).toEqual(texts(lines.slice(50 - kept.length)));
    expect(texts(store.toArray())).toEqual(texts(kept));
  });

  it('merges late batches of many services in (ts, seq) order while lines are pushed out', () => {
    const store = new LogStore(40);
    const sent: LogLine[] = [];
    let now = 0;
    for (let b = 0; b < 200; b++) {
      const batch = Array.from({ length: 30 }, (_, i) => line(`svc${i % 7}`, now - 500 + ((b * 7919 + i * 104729) % 1000), `b${b} l${i}`));
      now += 500;
      sent.push(...batch);
      store.add(batch);
    }
    const expected = [...sent].sort((a, b) => a.ts - b.ts || a.seq - b.seq);
    const keptSeqs = new Set(store.services().flatMap((s) => store.kept(s).map((l) => l.seq)));
    expect(texts(store.toArray())).toEqual(texts(expected.filter((l) => keptSeqs.has(l.seq))));
    expect(store.size + store.dropped()).toBe(sent.length);
  });

  it('keeps lines of mixed lengths intact across many wraps of the byte ring', () => {
    const store = new LogStore(64, 1024);
    const sent: LogLine[] = [];
    for (let i = 0; i < 2000; i++) sent.push(line('api', i, `${i} ${'é'.repeat((i * 37) % 90)}`));
    for (let i = 0; i < sent.length; i += 13) store.add(sent.slice(i, i + 13));
    const kept = store.kept('api');
    expect(texts(kept)).toEqual(texts(sent.slice(sent.length - kept.length)));
    expect(kept.length + store.dropped()).toBe(store.received);
  });

  it('cycles over about twice the bytes its lines hold when they are capped by count, not over the whole ring', () => {
    const store = new LogStore(1000, 1024 * 1024);
    const sent: LogLine[] = [];
    for (let i = 0; i < 50_000; i++) sent.push(line('api', i, `${String(i).padStart(6, '0')} ${'x'.repeat(40 + (i % 60))}`));
    for (let i = 0; i < sent.length; i += 500) store.add(sent.slice(i, i + 500));
    expect(texts(store.kept('api'))).toEqual(texts(sent.slice(-1000)));
    expect(store.dropped('api')).toBe(49_000);
    const held = sent.slice(-1000).reduce((n, l) => n + l.text.length, 0);
    expect(store.ringBytesTouched()).toBeLessThan(2 * held + 64 * 1024);
  });

  it('shows the first bytes of a line longer than a quarter of the budget and says how much was cut', () => {
    const store = new LogStore(10, 64);
    store.add([line('api', 1, `\x1b[31m${'a'.repeat(9)}\x1b[0m${'ü'.repeat(20)}`), line('api', 2, 'short')]);
    const [long, short] = store.kept('api');
    expect(long.text).toBe(`\x1b[31m${'a'.repeat(9)}`);
    expect(long.plain).toBe('a'.repeat(9));
    expect(long.truncatedBytes).toBe(4 + 40);
    expect(short).toMatchObject({ text: 'short', truncatedBytes: 0 });
  });

  it('keeps level, stream and container of each line, and an empty line', () => {
    const store = new LogStore(10);
    store.add([line('api', 1, 'ERROR boom', 'stderr'), line('api', 2, '')]);
    expect(store.kept('api')).toMatchObject([
      { text: 'ERROR boom', level: 'error', stream: 'stderr', container: 'api-1', ts: 1 },
      { text: '', level: undefined, stream: 'stdout' },
    ]);
  });

  it('finds the place of a paused anchor after its line was pushed out', () => {
    const store = new LogStore(5);
    store.add(Array.from({ length: 5 }, (_, i) => line('api', i * 10, `api ${i}`)));
    store.add([line('db', 25, 'db 25')]);
    const anchor = store.kept('api')[3];
    store.add(Array.from({ length: 4 }, (_, i) => line('api', 100 + i, `api late ${i}`)));
    expect(texts(store.kept('api'))).toEqual(['api 4', 'api late 0', 'api late 1', 'api late 2', 'api late 3']);
    expect(texts(windowEndingAt(store, all, 3, anchor))).toEqual(['db 25']);
    expect(stepFrom(store, all, anchor, 1).text).toBe('api 4');
    expect(stepFrom(store, all, anchor, -1).text).toBe('db 25');
  });
});

describe('log queries and the visible window', () => {
  const store = new LogStore(100);
  store.add([
    line('api', 1, 'GET /health 200'),
    line('api', 2, 'ERROR model not loaded', 'stderr'),
    line('worker', 3, 'WARNING slow batch'),
    line('worker', 4, 'processed 10'),
    line('api', 5, 'GET /predict 200'),
  ]);

  it('filters by regex, inverted regex, level and service', () => {
    expect(texts(windowEndingAt(store, makeQuery({ pattern: /GET/, invert: false, exclude: new Set() }), 10, undefined))).toEqual(['GET /health 200', 'GET /predict 200']);
    expect(texts(windowEndingAt(store, makeQuery({ pattern: /GET/, invert: true, exclude: new Set() }), 10, undefined))).toEqual(['ERROR model not loaded', 'WARNING slow batch', 'processed 10']);
    expect(texts(windowEndingAt(store, makeQuery({ invert: false, minLevel: 'error', exclude: new Set() }), 10, undefined))).toEqual(['ERROR model not loaded']);
    expect(texts(windowEndingAt(store, makeQuery({ invert: false, minLevel: 'warn', exclude: new Set() }), 10, undefined))).toEqual(['ERROR model not loaded', 'WARNING slow batch']);
    expect(texts(windowEndingAt(store, makeQuery({ invert: false, include: new Set(['worker']), exclude: new Set() }), 10, undefined))).toEqual(['WARNING slow batch', 'processed 10']);
    expect(texts(windowEndingAt(store, makeQuery({ invert: false, exclude: new Set(['api']) }), 10, undefined))).toEqual(['WARNING slow batch', 'processed 10']);
  });

  it('shows the newest lines that fit, or the ones ending at an anchor when scrolled back', () => {
    expect(texts(windowEndingAt(store, all, 2, undefined))).toEqual(['processed 10', 'GET /predict 200']);
    const anchor = stepFrom(store, all, newestMatching(store, all)!, -2);
    expect(anchor.text).toBe('WARNING slow batch');
    expect(texts(windowEndingAt(store, all, 2, anchor))).toEqual(['ERROR model not loaded', 'WARNING slow batch']);
    expect(stepFrom(store, all, anchor, -10).text).toBe('GET /health 200');
    expect(stepFrom(store, all, anchor, 10).text).toBe('GET /predict 200');
  });

  it('counts wrapped rows against the height', () => {
    const twoRows = () => 2;
    expect(texts(windowEndingAt(store, all, 4, undefined, twoRows))).toEqual(['processed 10', 'GET /predict 200']);
  });
});

describe('log level detection', () => {
  it.each([
    ['ERROR:root:model failed', 'error'],
    ['2024-01-01 12:00:00 - api - ERROR - boom', 'error'],
    ['level=error msg="db down"', 'error'],
    ['{"level":"warn","msg":"slow"}', 'warn'],
    ['[WARNING] disk 91%', 'warn'],
    ['processed 0 errors in batch', undefined],
    ['INFO all good', undefined],
  ])('%s → %s', (text, level) => {
    expect(detectLevel(text)).toBe(level);
  });
});
