// Where a container's CPU and memory counters live in the cgroup filesystem, worked out from
// /proc/self/mountinfo (where each hierarchy is mounted) and /proc/<pid>/cgroup (where the
// container's first process sits in each). Only a path that names the container's ID is
// trusted: anything else (another PID namespace, an engine inside a VM) means "ask the engine".

export interface CgroupMount {
  /** Where the hierarchy is mounted here. */
  mountPoint: string;
  /** Which cgroup of the hierarchy the mount shows at mountPoint. */
  root: string;
}

export interface CgroupMounts {
  /** cgroup v1 hierarchies by controller (cpuacct, memory, ...). */
  v1: Map<string, CgroupMount>;
  v2?: CgroupMount;
}

export type ContainerCgroup =
  | { version: 1; cpuacct: string; memory: string }
  | { version: 2; dir: string };

const unescapeMount = (field: string) => field.replace(/\\([0-7]{3})/g, (_, octal: string) => String.fromCharCode(Number.parseInt(octal, 8)));

/** The cgroup hierarchies mounted, from the text of /proc/self/mountinfo. */
export function parseCgroupMounts(mountinfo: string): CgroupMounts {
  const mounts: CgroupMounts = { v1: new Map() };
  for (const line of mountinfo.split('\n')) {
    // id parent major:minor root mount-point options [optional fields...] - fstype source super-options
    const [left, right] = line.split(' - ');
    if (!right) continue;
    const fields = left.split(' ');
    const [fstype, , superOptions = ''] = right.split(' ');
    const mount = { root: unescapeMount(fields[3]), mountPoint: unescapeMount(fields[4]) };
    if (fstype === 'cgroup2') mounts.v2 ??= mount;
    else if (fstype === 'cgroup') for (const option of superOptions.split(',')) if (!mounts.v1.has(option)) mounts.v1.set(option, mount);
  }
  return mounts;
}

function under(mount: CgroupMount, path: string): string | undefined {
  const root = mount.root === '/' ? '' : mount.root;
  if (root && path !== root && !path.startsWith(`${root}/`)) return undefined;
  return mount.mountPoint + (path.slice(root.length) || '/');
}

/**
 * The directories of a container's counters, from the text of /proc/<pid>/cgroup, or undefined
 * when they cannot be found here or do not belong to container `id`.
 */
export function containerCgroup(procCgroup: string, mounts: CgroupMounts, id: string): ContainerCgroup | undefined {
  const byController = new Map<string, string>();
  let unified: string | undefined;
  for (const line of procCgroup.split('\n')) {
    const first = line.indexOf(':');
    const second = line.indexOf(':', first + 1);
    if (first < 0 || second < 0) continue;
    const controllers = line.slice(first + 1, second);
    const path = line.slice(second + 1);
    if (line.slice(0, first) === '0' && controllers === '') unified = path;
    else for (const controller of controllers.split(',')) byController.set(controller, path);
  }
  const named = (path: string | undefined) => (path?.includes(id) ? path : undefined);
  const cpuacct = named(byController.get('cpuacct'));
  const memory = named(byController.get('memory'));
  const v1Cpu = cpuacct && mounts.v1.get('cpuacct');
  const v1Memory = memory && mounts.v1.get('memory');
  if (v1Cpu && v1Memory) {
    const cpuDir = under(v1Cpu, cpuacct);
    const memoryDir = under(v1Memory, memory);
    return cpuDir && memoryDir ? { version: 1, cpuacct: cpuDir, memory: memoryDir } : undefined;
  }
  // A v1 system with a controller-less unified hierarchy beside it has no counters in the latter.
  if (byController.has('cpuacct') || byController.has('memory')) return undefined;
  const path = named(unified);
  const dir = path && mounts.v2 && under(mounts.v2, path);
  return dir ? { version: 2, dir } : undefined;
}
