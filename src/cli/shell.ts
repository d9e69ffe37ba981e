// `e`: an interactive shell in a container through the Docker CLI (it owns the TTY handling).
import { spawn } from 'node:child_process';

type TtyHandle = { reading?: boolean; readStop?: () => number };

/**
 * Ink lets go of raw mode while a child has the terminal, but Node's tty stream keeps its fd in
 * the event loop and would read (steal) the keys meant for the child. Stop the read at the
 * handle; the next read() on the stream starts it again.
 */
function stopReading(stream: NodeJS.ReadStream): void {
  const handle = (stream as unknown as { _handle?: TtyHandle })._handle;
  if (handle?.reading) {
    handle.reading = false;
    handle.readStop?.();
  }
}

export function openShell(host: string, containerId: string): Promise<number> {
  stopReading(process.stdin);
  return new Promise<number>((resolve, reject) => {
    const child = spawn('docker', ['-H', host, 'exec', '-it', containerId, 'sh', '-c', 'command -v bash >/dev/null && exec bash || exec sh'], { stdio: 'inherit' });
    child.on('error', (error: NodeJS.ErrnoException) => reject(error.code === 'ENOENT' ? new Error('the docker CLI is not installed (needed for a shell)') : error));
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 128 : 1)));
  }).finally(() => process.stdin.read(0));
}
