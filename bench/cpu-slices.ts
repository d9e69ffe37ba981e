// --slices: the CPU split a machine with systemd makes. systemd runs the engine (dockerd,
// containerd, the shims, the containers) under system.slice and the user's session under
// user.slice: two cgroups of equal weight. This VM has no systemd. Each session gets an
// autogroup of its own: dockerd one, containerd and its shims another (read from
// /proc/PID/autogroup on 12-04; an earlier note here said each shim had its own), opsdeck one.
// This tests whether that split sets the flood's key latency (it did not: bench/RESULTS.md, the
// 12-03 23:07 and 23:10 runs). With the flag, the benchmark makes the two groups
// (cgroup v1 cpu controller), moves itself into the user's group, so whatever it starts later is
// there too, and moves the engine into the system's group. Within the user's, opsdeck and the
// `docker logs -f` peers get a group each, as two login sessions would.
import { existsSync, mkdirSync, readFileSync, readdirSync, rmdirSync, writeFileSync } from 'node:fs';

const CPU = '/sys/fs/cgroup/cpu';
export const SYSTEM_SLICE = 'opsdeck-bench-system';
const USER_SLICE = 'opsdeck-bench-user';
export const COCKPIT_SESSION = `${USER_SLICE}/cockpit`;
export const PEERS_SESSION = `${USER_SLICE}/peers`;
/** Parents before their children: made in this order, removed in the reverse. */
const GROUPS = [SYSTEM_SLICE, USER_SLICE, COCKPIT_SESSION, PEERS_SESSION];

const move = (group: string, pid: number) => {
  try { writeFileSync(`${CPU}/${group}/cgroup.procs`, String(pid)); } catch { /* gone meanwhile */ }
};

/** Makes both groups and moves this process into the user's. */
export function makeSlices(): void {
  if (!existsSync(`${CPU}/cgroup.procs`)) throw new Error(`--slices needs the cgroup v1 cpu controller at ${CPU}`);
  for (const group of GROUPS) mkdirSync(`${CPU}/${group}`, { recursive: true });
  move(USER_SLICE, process.pid);
}

/** Moves these processes (all their threads) into a group. */
export function intoGroup(group: string, pids: number[]): void {
  for (const pid of pids) move(group, pid);
}

/** The process's cpu group, to log where it ran. */
export function cpuGroupOf(pid: number): string {
  try { return /^\d+:cpu:(.*)$/m.exec(readFileSync(`/proc/${pid}/cgroup`, 'utf8'))?.[1] ?? '?'; } catch { return 'gone'; }
}

/** Moves what is left back to the root group and removes both groups, in every hierarchy dockerd made one. */
export function removeSlices(): void {
  const childrenFirst = [...GROUPS].reverse();
  for (const group of childrenFirst) {
    const procs = `${CPU}/${group}/cgroup.procs`;
    if (existsSync(procs)) for (const pid of readFileSync(procs, 'utf8').split('\n').filter(Boolean)) move('', Number(pid));
  }
  for (const hierarchy of readdirSync('/sys/fs/cgroup')) {
    for (const group of childrenFirst) {
      try { rmdirSync(`/sys/fs/cgroup/${hierarchy}/${group}`); } catch { /* not there, or a container's group still in it */ }
    }
  }
}

