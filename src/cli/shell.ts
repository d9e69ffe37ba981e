// `e`: an interactive shell in a container through the Docker CLI (it owns the TTY handling).

type TtyStream = NodeJS.ReadStream & { _read: (size: number) => void; _handle?: { reading?: boolean; readStop?: () => number } };

/**
 * Ink lets go of raw mode while a child has the terminal, but Node's tty stream keeps its fd in
 * the event loop, and any read() (Ink draining its input, say) starts reading again: the child's
 * keys would be stolen. Hold the stream: stop the read at the handle and let nothing restart it
 * until the child is done.
 */
function holdInput(stream: NodeJS.ReadStream): () => void {
  const tty = stream as TtyStream;
  const read = tty._read;
  let asked = false;
  tty._read = () => { asked = true; };
  if (tty._handle?.reading) {
    tty._handle.reading = false;
    tty._handle.readStop?.();
  }
  return () => {
    tty._read = read;
    // A read asked for while held is still pending in the stream's eyes: answer it now.
    if (asked) read.call(tty, 64 * 1024);
    else stream.read(0);
  };
}

export function openShell(host: string, containerId: string): Promise<number> {
  const release = holdInput(process.stdin);
  return new Promise<number>((resolve, reject) => {
    // Looked up here, not imported: child_process (with net and dgram) is not needed to draw the cockpit.
    const child = process.getBuiltinModule('node:child_process').spawn('docker', ['-H', host, 'exec', '-it', containerId, 'sh', '-c', 'command -v bash >/dev/null && exec bash || exec sh'], { stdio: 'inherit' });
    child.on('error', (error: NodeJS.ErrnoException) => reject(error.code === 'ENOENT' ? new Error('the docker CLI is not installed (needed for a shell)') : error));
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 128 : 1)));
  }).finally(release);
}
