// `e`: an interactive shell in a container through the Docker CLI (it owns the TTY handling).
import { spawn } from 'node:child_process';

export function openShell(host: string, containerId: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn('docker', ['-H', host, 'exec', '-it', containerId, 'sh', '-c', 'command -v bash >/dev/null && exec bash || exec sh'], { stdio: 'inherit' });
    child.on('error', (error: NodeJS.ErrnoException) => reject(error.code === 'ENOENT' ? new Error('the docker CLI is not installed (needed for a shell)') : error));
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 128 : 1)));
  });
}
