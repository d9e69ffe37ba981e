// One private Docker engine for the whole run, and a fresh build of dist/ for the tests
// that drive the real bin/opsdeck. The engine and its containers are gone when the run ends.
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import type { TestProject } from 'vitest/node';
import { startDockerd, importBusybox, type Dockerd } from './dockerd';

let dockerd: Dockerd | undefined;

export async function setup(project: TestProject): Promise<void> {
  execFileSync(process.execPath, ['scripts/build.mjs'], { stdio: 'inherit' });
  dockerd = await startDockerd();
  importBusybox(dockerd.socket);
  project.provide('dockerHost', dockerd.host);
  project.provide('dockerSocket', dockerd.socket);
}

export async function teardown(): Promise<void> {
  if (!dockerd) return;
  await dockerd.stop();
  rmSync(dockerd.dir, { recursive: true, force: true });
}

declare module 'vitest' {
  export interface ProvidedContext {
    dockerHost: string;
    dockerSocket: string;
  }
}
