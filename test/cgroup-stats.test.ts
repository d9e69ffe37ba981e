import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { CgroupStats } from '../src/docker/cgroup-stats';
import { containerCgroup, parseCgroupMounts } from '../src/docker/cgroup-paths';
import { StatsSampler, memoryUsed } from '../src/docker/stats';
import { toInstance } from '../src/docker/instance';
import type { EngineReads } from '../src/docker/engine-reads';
import { testDocker, runContainer, removeProject } from './harness/containers';

const id = 'c0ffee'.padEnd(64, '0');

describe('where a container keeps its counters', () => {
  const v1Mounts = parseCgroupMounts([
    '31 23 0:28 / /sys/fs/cgroup rw,relatime - tmpfs tmpfs rw,mode=755',
    '32 31 0:29 / /sys/fs/cgroup/cpu,cpuacct rw,relatime shared:9 - cgroup cgroup rw,cpu,cpuacct',
    '35 31 0:32 / /sys/fs/cgroup/memory rw,relatime - cgroup cgroup rw,memory',
    '41 31 0:38 / /sys/fs/cgroup/unified rw,relatime - cgroup2 cgroup2 rw',
  ].join('\n'));

  it('finds cgroup v1 cpuacct and memory directories beside an empty unified hierarchy', () => {
    const proc = `12:memory:/docker/${id}\n4:cpu,cpuacct:/docker/${id}\n1:name=systemd:/docker/${id}\n0::/docker/${id}\n`;
    expect(containerCgroup(proc, v1Mounts, id)).toEqual({ version: 1, cpuacct: `/sys/fs/cgroup/cpu,cpuacct/docker/${id}`, memory: `/sys/fs/cgroup/memory/docker/${id}` });
  });

  it('finds a cgroup v2 systemd scope, also when only part of the hierarchy is mounted here', () => {
    const proc = `0::/system.slice/docker-${id}.scope\n`;
    const whole = parseCgroupMounts('30 23 0:26 / /sys/fs/cgroup rw,nosuid - cgroup2 cgroup2 rw,nsdelegate');
    expect(containerCgroup(proc, whole, id)).toEqual({ version: 2, dir: `/sys/fs/cgroup/system.slice/docker-${id}.scope` });
    const part = parseCgroupMounts('30 23 0:26 /system.slice /mnt/cg\\040x rw - cgroup2 cgroup2 rw');
    expect(containerCgroup(proc, part, id)).toEqual({ version: 2, dir: `/mnt/cg x/docker-${id}.scope` });
    const elsewhere = parseCgroupMounts('30 23 0:26 /user.slice /mnt/cg rw - cgroup2 cgroup2 rw');
    expect(containerCgroup(proc, elsewhere, id)).toBeUndefined();
  });

  it('trusts no path that does not name the container (another PID namespace, an engine in a VM)', () => {
    expect(containerCgroup(`4:cpu,cpuacct:/user.slice\n12:memory:/user.slice\n`, v1Mounts, id)).toBeUndefined();
    expect(containerCgroup('0::/init.scope\n', parseCgroupMounts('30 23 0:26 / /sys/fs/cgroup rw - cgroup2 cgroup2 rw'), id)).toBeUndefined();
  });
});

describe('CPU and memory from cgroup files, against a real engine', () => {
  const docker = testDocker();
  const project = 'cgroupproj';
  const engineCalls: string[] = [];
  let engine: Pick<EngineReads, 'stats'>;

  beforeAll(async () => {
    await removeProject(docker, project);
    await runContainer(docker, { project, service: 'busy', cmd: ['sh', '-c', 'while :; do :; done'] });
    // A shell variable of 20 MB stays resident while the shell waits (a last command alone would be exec'd).
    await runContainer(docker, { project, service: 'holder', cmd: ['sh', '-c', 'x=$(head -c 20000000 /dev/zero | tr "\\0" a); echo held; while :; do sleep 600; done'] });
    engine = { stats: (cid) => { engineCalls.push(cid); return docker.getContainer(cid).stats({ stream: false, 'one-shot': true } as never) as never; } };
  });
  afterAll(() => removeProject(docker, project));

  const instance = async (service: string) => toInstance(await docker.getContainer(`${project}-${service}-1`).inspect());

  it('reads a busy container at about a core and a 20 MB one at its size, without asking the engine', async () => {
    const sampler = new StatsSampler(engine, new CgroupStats());
    const [busy, holder] = [await instance('busy'), await instance('holder')];
    expect(busy.pid).toBeGreaterThan(0);
    // The shell says when it holds the 20 MB (until then it is still reading them: CPU and memory).
    const said = async () => String(await docker.getContainer(holder.id).logs({ stdout: true, follow: false } as never)).includes('held');
    for (let i = 0; i < 100 && !(await said()); i++) await new Promise((r) => setTimeout(r, 200));
    engineCalls.length = 0;
    let holderStats = await sampler.sample(holder);
    await sampler.sample(busy);
    await new Promise((r) => setTimeout(r, 1500));
    const busyStats = await sampler.sample(busy);
    holderStats = await sampler.sample(holder);
    expect(engineCalls).toEqual([]);
    expect(busyStats.cpuPercent).toBeGreaterThan(30);
    expect(busyStats.cpuPercent).toBeLessThan(210);
    expect(holderStats.cpuPercent).toBeLessThan(5);
    expect(holderStats.memBytes).toBeGreaterThan(20_000_000);
    // The same memory figure the engine gives for it.
    const fromEngine = memoryUsed(await docker.getContainer(holder.id).stats({ stream: false, 'one-shot': true } as never) as never)!;
    expect(Math.abs(holderStats.memBytes! - fromEngine)).toBeLessThan(2_000_000);
    expect(holderStats.memLimit).toBeGreaterThan(holderStats.memBytes!);
  });

  it('asks the engine when the process is not the container\'s, and finds the new process after a restart', async () => {
    const cgroups = new CgroupStats();
    const sampler = new StatsSampler(engine, cgroups);
    const holder = await instance('holder');
    engineCalls.length = 0;
    const wrong = await sampler.sample({ ...holder, pid: process.pid });
    expect(engineCalls).toEqual([holder.id]);
    expect(wrong.memBytes).toBeGreaterThan(0);

    expect(cgroups.sample(holder.id, holder.pid)).toBeDefined();
    await docker.getContainer(holder.id).restart({ t: 1 });
    const restarted = await instance('holder');
    expect(restarted.pid).not.toBe(holder.pid);
    expect(cgroups.sample(restarted.id, restarted.pid)?.memBytes).toBeGreaterThan(0);
    cgroups.close();
  });
});
