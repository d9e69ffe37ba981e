// The image the Docker demo's containers run: nearly empty (/tmp, /etc/passwd), made here with
// `docker import` from a tar, since no registry may be reachable. Node, its libraries and the
// bundled services come from the host as read-only bind mounts (docker-stack.ts).
import type Docker from 'dockerode';
import { createReadStream, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';

export const DEMO_IMAGE = 'opsdeck-demo/runtime:1';

async function hasImage(docker: Docker, name: string): Promise<boolean> {
  return docker.getImage(name).inspect().then(() => true, () => false);
}

/** Makes DEMO_IMAGE once; later runs reuse it. */
export async function ensureDemoImage(docker: Docker): Promise<void> {
  if (await hasImage(docker, DEMO_IMAGE)) return;
  const dir = mkdtempSync(join(tmpdir(), 'opsdeck-demo-image-'));
  try {
    const root = join(dir, 'root');
    for (const sub of ['tmp', 'etc', 'usr/local/bin']) mkdirSync(join(root, sub), { recursive: true });
    writeFileSync(join(root, 'etc/passwd'), 'root:x:0:0:root:/root:/bin/sh\nnobody:x:65534:65534:nobody:/nonexistent:/bin/false\n');
    writeFileSync(join(root, 'etc/group'), 'root:x:0:\nnogroup:x:65534:\n');
    const tar = join(dir, 'image.tar');
    await execa('tar', ['-C', root, '-cf', tar, '.']);
    const [repo, tag] = DEMO_IMAGE.split(':');
    const progress = await docker.importImage(createReadStream(tar), { repo, tag });
    await new Promise<void>((resolve, reject) => docker.modem.followProgress(progress, (error) => (error ? reject(error) : resolve())));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  if (!(await hasImage(docker, DEMO_IMAGE))) throw new Error(`docker import did not make ${DEMO_IMAGE}`);
}
