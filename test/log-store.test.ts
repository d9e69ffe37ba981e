import { describe, it, expect } from 'vitest';
import { LogStore } from '../src/logs/log-store';
import { makeLine, detectLevel, type LogLine } from '../src/logs/line';
import { makeQuery, windowEndingAt, stepFrom, newestMatching } from '../src/logs/log-query';
import { Ring } from '../src/store/ring';

let seq = 0;
const line = (service: string, ts: number, text: string, stream: 'stdout' | 'stderr' = 'stdout'): LogLine =>
  makeLine({ seq: ++seq, ts, service, container: `${service}-1`, stream, text, truncatedBytes: 0 });
const texts = (lines: LogLine[]) => lines.map((l) => l.text);
const all = makeQuery({ invert: false, exclude: new Set() });

describe('ring buffer', () => {
  it('keeps the newest items and hands back the one it pushed out', () => {
    const ring = new Ring<number>(3);
    expect([1, 2, 3].map((n) => ring.push(n))).toEqual([undefined, undefined, undefined]);
    expect(ring.push(4)).toBe(1);
    expect(ring.toArray()).toEqual([2, 3, 4]);
    expect(() => new Ring(0)).toThrow(/positive integer/);
  });
});

describe('merged log store', () => {
  it('orders lines of several services by Docker timestamp, even when a tail arrives late', () => {
    const store = new LogStore(100);
    store.add([line('api', 10, 'api 10'), line('api', 30, 'api 30')]);
    store.add([line('db', 5, 'db 5'), line('db', 20, 'db 20'), line('db', 40, 'db 40')]);
    expect(texts(store.merged)).toEqual(['db 5', 'api 10', 'db 20', 'api 30', 'db 40']);
  });

  it('bounds memory per service and counts every dropped line', () => {
    const store = new LogStore(3);
    store.add(Array.from({ length: 10 }, (_, i) => line('api', i, `api ${i}`)));
    store.add([line('db', 100, 'db')]);
    expect(store.dropped('api')).toBe(7);
    expect(store.dropped()).toBe(7);
    expect(texts(store.kept('api'))).toEqual(['api 7', 'api 8', 'api 9']);
    expect(texts(windowEndingAt(store.merged, all, 10, undefined))).toEqual(['api 7', 'api 8', 'api 9', 'db']);
    // a busy service does not push out a quiet one's lines
    expect(texts(store.kept('db'))).toEqual(['db']);
    expect(store.received).toBe(11);
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
    expect(texts(windowEndingAt(store.merged, makeQuery({ pattern: /GET/, invert: false, exclude: new Set() }), 10, undefined))).toEqual(['GET /health 200', 'GET /predict 200']);
    expect(texts(windowEndingAt(store.merged, makeQuery({ pattern: /GET/, invert: true, exclude: new Set() }), 10, undefined))).toEqual(['ERROR model not loaded', 'WARNING slow batch', 'processed 10']);
    expect(texts(windowEndingAt(store.merged, makeQuery({ invert: false, minLevel: 'error', exclude: new Set() }), 10, undefined))).toEqual(['ERROR model not loaded']);
    expect(texts(windowEndingAt(store.merged, makeQuery({ invert: false, minLevel: 'warn', exclude: new Set() }), 10, undefined))).toEqual(['ERROR model not loaded', 'WARNING slow batch']);
    expect(texts(windowEndingAt(store.merged, makeQuery({ invert: false, include: new Set(['worker']), exclude: new Set() }), 10, undefined))).toEqual(['WARNING slow batch', 'processed 10']);
    expect(texts(windowEndingAt(store.merged, makeQuery({ invert: false, exclude: new Set(['api']) }), 10, undefined))).toEqual(['WARNING slow batch', 'processed 10']);
  });

  it('shows the newest lines that fit, or the ones ending at an anchor when scrolled back', () => {
    expect(texts(windowEndingAt(store.merged, all, 2, undefined))).toEqual(['processed 10', 'GET /predict 200']);
    const anchor = stepFrom(store.merged, all, newestMatching(store.merged, all)!, -2);
    expect(anchor.text).toBe('WARNING slow batch');
    expect(texts(windowEndingAt(store.merged, all, 2, anchor))).toEqual(['ERROR model not loaded', 'WARNING slow batch']);
    expect(stepFrom(store.merged, all, anchor, -10).text).toBe('GET /health 200');
    expect(stepFrom(store.merged, all, anchor, 10).text).toBe('GET /predict 200');
  });

  it('counts wrapped rows against the height', () => {
    const twoRows = () => 2;
    expect(texts(windowEndingAt(store.merged, all, 4, undefined, twoRows))).toEqual(['processed 10', 'GET /predict 200']);
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
