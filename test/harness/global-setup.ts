// One private Docker engine for the whole run, a fresh build of dist/ for the tests that drive the
// real bin/opsdeck, and one temp dir for everything the tests write (TMPDIR, inherited by the test
// workers and what they start). The engine, its containers and that dir are gone when the run ends.
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { startDockerd, importBusybox, unmountUnder, type Dockerd } from './dockerd';

let dockerd: Dockerd | undefined;
let runTmp: string | undefined;
const outerTmp = process.env.TMPDIR;

export async function setup(project: TestProject): Promise<void> {
  execFileSync(process.execPath, ['scripts/build.mjs'], { stdio: 'inherit' });
  dockerd = await startDockerd();
  importBusybox(dockerd.socket);
  project.provide('dockerHost', dockerd.host);
  project.provide('dockerSocket', dockerd.socket);
  // A short name: tests draw paths below it in 80-column terminals. Open to all as /tmp is, so
  // that PostgreSQL's initdb, run as postgres, reaches its own dir inside.
  runTmp = mkdtempSync(join(tmpdir(), 'o'));
  chmodSync(runTmp, 0o1777);
  process.env.TMPDIR = runTmp;
}

export async function teardown(): Promise<void> {
  if (outerTmp === undefined) delete process.env.TMPDIR;
  else process.env.TMPDIR = outerTmp;
  if (dockerd) {
    await dockerd.stop();
    rmSync(dockerd.dir, { recursive: true, force: true });
  }
  if (runTmp) {
    unmountUnder(runTmp);
    rmSync(runTmp, { recursive: true, force: true });
  }
}

declare module 'vitest' {
  export interface ProvidedContext {
    dockerHost: string;
    dockerSocket: string;
  }
}
