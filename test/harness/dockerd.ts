// Starts a private Docker engine for the tests (flags that work on these machines:
// ../shared/notes/machine.md) and a busybox image made locally, since no registry is reachable.
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, mkdirSync, symlinkSync, copyFileSync, rmSync, writeFileSync, existsSync, readFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const BUSYBOX_IMAGE = 'opsdeck-test/busybox:latest';

export interface Dockerd {
  host: string;
  socket: string;
  dir: string;
  stop(): Promise<void>;
  /** Stops the engine but leaves its containers defined, as a crash or an upgrade would. */
  kill(): Promise<void>;
}

export function ping(socket: string): Promise<boolean> {
  return new Promise((resolve) => {
    const req = request({ socketPath: socket, path: '/_ping', timeout: 1000 }, (res) => {
      res.resume();
      resolve(res.statusCode === 200);
    });
    req.on('error', () => resolve(false));
    req.on('timeout', () => { req.destroy(); resolve(false); });
    req.end();
  });
}

async function waitFor(check: () => Promise<boolean>, ms: number, what: string): Promise<void> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out after ${ms} ms waiting for ${what}`);
}

/** Starts dockerd in `dir` (a new temp dir by default). Reusing a dir keeps its images. */
export async function startDockerd(dir = mkdtempSync(join(tmpdir(), 'opsdeck-dockerd-')), extraArgs: string[] = []): Promise<Dockerd> {
  const socket = join(dir, 'docker.sock');
  const log = join(dir, 'dockerd.log');
  writeFileSync(log, '');
  const child: ChildProcess = spawn('dockerd', [
    '--iptables=false', '--ip-masq=false', '--bridge=none', '--storage-driver=vfs',
    '--data-root', join(dir, 'root'), '--exec-root', join(dir, 'exec'),
    '--pidfile', join(dir, 'docker.pid'), '--host', `unix://${socket}`, ...extraArgs,
  ], { stdio: ['ignore', 'ignore', 'ignore'], detached: true });
  let exited = false;
  child.on('exit', () => { exited = true; });
  await waitFor(async () => {
    if (exited) throw new Error(`dockerd exited at start; see ${log}`);
    return existsSync(socket) && ping(socket);
  }, 30_000, 'dockerd');
  const kill = async () => {
    if (exited) return;
    child.kill('SIGTERM');
    await waitFor(async () => exited, 30_000, 'dockerd to stop').catch(() => child.kill('SIGKILL'));
    unmountUnder(dir);
  };
  const stop = async () => {
    if (exited) return;
    try {
      execFileSync('sh', ['-c', `ids=$(docker -H "unix://${socket}" ps -aq); [ -z "$ids" ] || docker -H "unix://${socket}" rm -f $ids`], { stdio: 'ignore', timeout: 30_000 });
    } catch { /* the engine may already be failing; stopping it stops its containers too */ }
    child.kill('SIGTERM');
    await waitFor(async () => exited, 30_000, 'dockerd to stop').catch(() => child.kill('SIGKILL'));
    unmountUnder(dir);
  };
  return { host: `unix://${socket}`, socket, dir, stop, kill };
}

/** Lazily unmounts whatever the engine left mounted below `dir`, so the dir can be removed. */
export function unmountUnder(dir: string): void {
  const mounts = readFileSync('/proc/self/mounts', 'utf8').split('\n').map((l) => l.split(' ')[1]).filter((m) => m?.startsWith(dir));
  for (const mount of mounts.reverse()) {
    try { execFileSync('umount', ['-l', mount], { stdio: 'ignore' }); } catch { /* already gone */ }
  }
}

/** Builds an image from the host's busybox-static: /bin/busybox plus its applet links. */
export function importBusybox(socket: string): void {
  const root = mkdtempSync(join(tmpdir(), 'opsdeck-busybox-'));
  try {
    mkdirSync(join(root, 'bin'));
    mkdirSync(join(root, 'tmp'));
    mkdirSync(join(root, 'etc'));
    writeFileSync(join(root, 'etc/passwd'), 'root:x:0:0:root:/root:/bin/sh\n');
    copyFileSync('/bin/busybox', join(root, 'bin/busybox'));
    const applets = execFileSync('/bin/busybox', ['--list']).toString().split('\n').filter(Boolean);
    for (const applet of applets) if (applet !== 'busybox') symlinkSync('busybox', join(root, 'bin', applet));
    execFileSync('sh', ['-c', `tar -C "${root}" -cf - . | docker -H "unix://${socket}" import - ${BUSYBOX_IMAGE}`], { stdio: 'pipe' });
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}
