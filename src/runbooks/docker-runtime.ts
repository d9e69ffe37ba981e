// The ContainerRuntime over dockerode. `recreate` is Compose's recreate with one difference: the
// old container is stopped and renamed, not removed, until the new one runs, so a failed start
// rolls back to the old container as it was.
import Docker from 'dockerode';
import { PassThrough } from 'node:stream';
import { PROJECT_LABEL, SERVICE_LABEL } from '../docker/labels';
import type { ContainerRuntime, ContainerStatus } from './engine/types';
import { containerCreateOptions, mergeEnv } from './docker-recreate-config';

export class DockerRuntime implements ContainerRuntime {
  constructor(private readonly docker: Docker, private readonly project?: string) {}

  async findService(service: string, project = this.project): Promise<string[]> {
    const label = [`${SERVICE_LABEL}=${service}`, ...(project ? [`${PROJECT_LABEL}=${project}`] : [])];
    const list = await this.docker.listContainers({ all: true, filters: { label } });
    // Running containers first, so single-container actions (exec) pick a live one.
    return list.sort((a, b) => Number(b.State === 'running') - Number(a.State === 'running') || a.Names[0].localeCompare(b.Names[0])).map((c) => c.Id);
  }

  async inspect(id: string): Promise<ContainerStatus> {
    const info = await this.docker.getContainer(id).inspect();
    const env = Object.fromEntries((info.Config.Env ?? []).map((entry) => [entry.split('=')[0], entry.slice(entry.indexOf('=') + 1)]));
    return { id: info.Id, name: info.Name.replace(/^\//, ''), state: info.State.Status, health: info.State.Health?.Status as ContainerStatus['health'], env, restarts: info.RestartCount };
  }

  async restart(id: string): Promise<void> {
    await this.docker.getContainer(id).restart();
  }

  async stop(id: string): Promise<void> {
    const container = this.docker.getContainer(id);
    if ((await container.inspect()).State.Running) await container.stop();
  }

  async start(id: string): Promise<void> {
    const container = this.docker.getContainer(id);
    if (!(await container.inspect()).State.Running) await container.start();
  }

  async recreate(id: string, envChanges: Record<string, string | undefined>): Promise<string> {
    const old = this.docker.getContainer(id);
    const info = await old.inspect();
    const name = info.Name.replace(/^\//, '');
    const image = await this.docker.getImage(info.Config.Image).inspect().then((img) => (img.Id === info.Image ? info.Config.Image : info.Image), () => info.Image);
    const options = containerCreateOptions(info, { name, image, env: mergeEnv(info.Config.Env ?? [], envChanges) });
    if (info.State.Running) await old.stop();
    await old.rename({ name: `${name}-replaced-${Date.now()}` });
    let created: Docker.Container | undefined;
    try {
      created = await this.docker.createContainer(options);
      await created.start();
      const state = (await created.inspect()).State;
      if (!state.Running && state.ExitCode !== 0) throw new Error(`the new container exited with code ${state.ExitCode}`);
    } catch (error) {
      await created?.remove({ force: true }).catch(() => undefined);
      await old.rename({ name });
      if (info.State.Running) await old.start();
      throw new Error(`recreating ${name} failed, the old container is back: ${(error as Error).message}`);
    }
    await old.remove({ force: true });
    return created.id;
  }

  async exec(id: string, argv: string[], signal?: AbortSignal): Promise<{ exitCode: number; output: string }> {
    const exec = await this.docker.getContainer(id).exec({ Cmd: argv, AttachStdout: true, AttachStderr: true });
    const stream = await exec.start({ hijack: true, stdin: false });
    const sink = new PassThrough();
    const chunks: Buffer[] = [];
    sink.on('data', (chunk: Buffer) => chunks.push(chunk));
    this.docker.modem.demuxStream(stream, sink, sink);
    await new Promise<void>((resolve, reject) => {
      const onAbort = () => { stream.destroy(); reject(signal?.reason ?? new Error('aborted')); };
      signal?.addEventListener('abort', onAbort, { once: true });
      stream.on('end', () => { signal?.removeEventListener('abort', onAbort); resolve(); });
      stream.on('error', reject);
    });
    const { ExitCode } = await exec.inspect();
    return { exitCode: ExitCode ?? -1, output: Buffer.concat(chunks).toString('utf8') };
  }
}
