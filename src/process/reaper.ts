// The guarantee that no child outlives opsdeck, even a SIGKILL of opsdeck: a tiny detached
// node process holds the read end of a pipe from opsdeck and the list of live process groups.
// When the pipe closes (opsdeck exited, however), it sends SIGTERM to every group still listed,
// then SIGKILL after the grace. Services that read their stdin (the demo's do) also exit on
// their own when opsdeck's end of it closes.
import { spawn, type ChildProcess } from 'node:child_process';
import type { Writable } from 'node:stream';

const SCRIPT = `
const groups = new Set(); let buf = '';
const grace = Number(process.argv[1]) || 3000;
process.on('SIGINT', () => {}); process.on('SIGHUP', () => {});
process.stdin.setEncoding('utf8');
process.stdin.on('data', (d) => {
  buf += d;
  for (let i = buf.indexOf('\\n'); i >= 0; i = buf.indexOf('\\n')) {
    const line = buf.slice(0, i); buf = buf.slice(i + 1);
    const pgid = Number(line.slice(1));
    if (!(pgid > 1)) continue;
    if (line[0] === '+') groups.add(pgid); else groups.delete(pgid);
  }
});
const hit = (signal) => { for (const g of groups) { try { process.kill(-g, signal); } catch { groups.delete(g); } } };
process.stdin.on('close', () => {
  if (groups.size === 0) process.exit(0);
  hit('SIGTERM');
  const timer = setInterval(() => { hit(0); if (groups.size === 0) process.exit(0); }, 100);
  setTimeout(() => { clearInterval(timer); hit('SIGKILL'); process.exit(0); }, grace);
});
`;

export class Reaper {
  private readonly child: ChildProcess;
  private readonly pipe: Writable;

  constructor(graceMs = 3000) {
    this.child = spawn(process.execPath, ['-e', SCRIPT, String(graceMs)], { detached: true, stdio: ['pipe', 'ignore', 'ignore'] });
    this.child.unref();
    this.pipe = this.child.stdin!;
    this.pipe.on('error', () => undefined);
    (this.pipe as Writable & { unref?: () => void }).unref?.();
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  watch(pgid: number): void {
    this.pipe.write(`+${pgid}\n`);
  }

  forget(pgid: number): void {
    this.pipe.write(`-${pgid}\n`);
  }

  /** Ends the watch; groups still listed are killed (normally none are left). */
  close(): void {
    this.pipe.end();
  }
}
