// Container logs followed on the log thread (worker) and on the main thread (engines the thread
// cannot reach) must reach the store the same way: sanitised, cut, by stream and level, in order,
// every line once across a restart, and none lost under a burst.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { inject } from 'vitest';
import { LogFollowers } from '../src/docker/log-followers';
import { LogFeed } from '../src/logs/log-feed';
import type { Instance } from '../src/runtime/types';
import { testDocker, runContainer, removeProject, waitFor } from './harness/containers';

const project = 'followproj';
const docker = testDocker();

async function instanceOf(service: string, tty = false): Promise<Instance> {
  const info = await docker.getContainer(`${project}-${service}-1`).inspect();
  return { id: info.Id, name: `${project}-${service}-1`, service, image: 'busybox', state: 'running', restarts: 0, ports: [], tty };
}

// printf in busybox sh understands \033, \007 and \t.
const NOISY = [
  String.raw`printf 'plain ascii\n'`,
  String.raw`printf '\033[31mred\033[0m then \033[2J\033]0;title\007cleared\n'`,
  String.raw`printf 'tab\there bell\007 caf\303\251 \360\237\232\200\n'`,
  String.raw`printf 'ERROR disk full\n' >&2`,
  String.raw`printf 'level=warn slow\n'`,
  String.raw`head -c 3000 /dev/zero | tr '\0' x; printf '\n'`,
  String.raw`printf 'no newline at the end'`,
].join('; ');
const TICKER = ['sh', '-c', 'i=0; while true; do echo "tick $i"; i=$((i+1)); sleep 0.05; done'];

describe.each([
  { path: 'the log thread', host: () => inject('dockerHost'), threaded: true },
  { path: 'the main thread', host: () => undefined, threaded: false },
])('Log followers on $path', ({ host, threaded }) => {
  beforeAll(async () => {
    await removeProject(docker, project);
    await runContainer(docker, { project, service: 'noisy', cmd: ['sh', '-c', NOISY] }); // its end flushes the last line
    await runContainer(docker, { project, service: 'ticker', cmd: TICKER });
  });
  afterAll(() => removeProject(docker, project));

  const follow = (feed: LogFeed) => new LogFollowers(docker, feed, { tail: 100, maxLineBytes: 1024, keepColor: true }, host());

  it('keeps colour, drops what moves the cursor or sets the title, cuts long lines, and knows streams and levels', async () => {
    const feed = new LogFeed(1000, 5);
    const followers = follow(feed);
    expect(followers.threaded).toBe(threaded);
    try {
      followers.ensure(await instanceOf('noisy'));
      const lines = await waitFor('seven lines', () => { const all = feed.store.toArray(); return all.length === 7 && all; });
      // The engine stamps stdout and stderr as it reads each pipe, so only each stream's own order is certain.
      const stdout = lines.filter((l) => l.stream === 'stdout');
      expect(stdout.map((l) => l.plain)).toEqual([
        'plain ascii', 'red then cleared', 'tab    here bell café 🚀', 'level=warn slow', 'x'.repeat(1024), 'no newline at the end',
      ]);
      expect(stdout[1].text).toBe('\x1b[31mred\x1b[0m then cleared');
      expect(stdout.map((l) => l.level)).toEqual([undefined, undefined, undefined, 'warn', undefined, undefined]);
      expect(stdout[4].truncatedBytes).toBe(3000 - 1024);
      expect(lines.filter((l) => l.stream === 'stderr').map((l) => [l.plain, l.level])).toEqual([['ERROR disk full', 'error']]);
      expect(new Set(lines.map((l) => l.container))).toEqual(new Set([`${project}-noisy-1`]));
      for (let i = 1; i < lines.length; i++) expect(lines[i].ts).toBeGreaterThanOrEqual(lines[i - 1].ts);
    } finally {
      followers.close();
    }
  });

  it('takes a burst of 30,000 lines without losing one, and counts what the ring pushed out', async () => {
    const feed = new LogFeed(10_000, 5);
    const followers = follow(feed);
    await runContainer(docker, { project, service: 'burst', cmd: ['sh', '-c', 'sleep 1; seq 1 30000; sleep 600'] });
    try {
      followers.ensure(await instanceOf('burst'));
      await waitFor('30,000 lines', () => feed.store.received === 30_000, 20_000);
      expect(feed.store.keptCount('burst')).toBe(10_000);
      expect(feed.store.dropped('burst')).toBe(20_000);
      const kept = feed.store.kept('burst').map((l) => Number(l.text));
      expect(kept).toEqual(Array.from({ length: 10_000 }, (_, i) => 20_001 + i));
    } finally {
      followers.close();
      await docker.getContainer(`${project}-burst-1`).remove({ force: true });
    }
  });

  it('picks up after a stop and a start where it left off: no line twice, none missed', async () => {
    const feed = new LogFeed(5000, 5);
    const followers = follow(feed);
    const ticker = await instanceOf('ticker');
    try {
      followers.ensure(ticker);
      await waitFor('ticks', () => feed.store.size > 20);
      followers.stop(ticker.id);
      await new Promise((r) => setTimeout(r, 500)); // the ticker goes on writing meanwhile
      followers.ensure(ticker);
      await waitFor('more ticks', () => feed.store.size > 40);
      await new Promise((r) => setTimeout(r, 300));
      const ticks = feed.store.toArray().map((l) => Number(l.text.split(' ')[1]));
      const first = ticks[0];
      expect(ticks).toEqual(Array.from({ length: ticks.length }, (_, i) => first + i));
    } finally {
      followers.close();
    }
  });
});

describe('Log followers when the log thread dies', () => {
  beforeAll(async () => {
    await runContainer(docker, { project, service: 'ticker2', cmd: TICKER });
  });
  afterAll(() => removeProject(docker, project));

  it('moves its followers to the main thread when the log thread dies, missing no line and repeating none', async () => {
    const feed = new LogFeed(5000, 5);
    const followers = new LogFollowers(docker, feed, { tail: 100, maxLineBytes: 1024, keepColor: true }, inject('dockerHost'));
    expect(followers.threaded).toBe(true);
    const ticker = await instanceOf('ticker2');
    try {
      followers.ensure(ticker);
      await waitFor('ticks', () => feed.store.size > 20);
      // What a crash of the thread looks like from the main thread: the worker exits.
      await (followers as unknown as { logThread: { worker: { terminate(): Promise<number> } } }).logThread.worker.terminate();
      expect(followers.threaded).toBe(false);
      const before = feed.store.size;
      await new Promise((r) => setTimeout(r, 500)); // the ticker goes on writing meanwhile
      followers.ensure(ticker); // as the next refresh does for every running container
      await waitFor('ticks read on the main thread', () => feed.store.size > before + 20);
      await new Promise((r) => setTimeout(r, 300));
      const ticks = feed.store.toArray().map((l) => Number(l.text.split(' ')[1]));
      expect(ticks).toEqual(Array.from({ length: ticks.length }, (_, i) => ticks[0] + i));
    } finally {
      followers.close();
    }
  });
});
