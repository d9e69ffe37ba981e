// `opsdeck demo --docker` on the private engine: the five demo services as labelled containers
// running the host's node on dist/demo, live (health, lag that grows while the consumer is
// paused and drains after), removed again; drills on the containers resolved by their runbooks
// over the engine; then the real binary in tmux, quit with q, and `--drill` headless.
// One file, so the tests' demos (one project name) never run side by side.
import { describe, it, expect, inject, afterAll } from 'vitest';
import { execFileSync } from 'node:child_process';
import { execa } from 'execa';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Kafka, logLevel } from 'kafkajs';
import { testDocker } from './harness/containers';
import { expectRestored } from './harness/tmux';
import { openDemoTerminal, until } from './demo-helpers';
import { startDockerDemo, stopDockerDemo, type DockerDemo } from '../src/demo/docker-stack';
import { DEMO_IMAGE } from '../src/demo/docker-image';
import { DOCKER_PROJECT } from '../src/demo/docker-container';
import { findDrill } from '../src/demo/drills';
import { drillContext, runDrill } from '../src/demo/drill-runner';
import { DockerRuntime } from '../src/runbooks/docker-runtime';
import { DockerSource } from '../src/docker/docker-source';
import { LogFeed } from '../src/logs/log-feed';
import { createStore } from '../src/store/store';
import { initialState, type AppState } from '../src/store/app-state';

const SERVICES = ['api', 'ingestor', 'kafka', 'mlflow', 'prediction-consumer'];
const psAll = () => execFileSync('docker', ['-H', inject('dockerHost'), 'ps', '-a', '--filter', 'label=com.docker.compose.project=opsdeck-demo', '--format', '{{.Names}} {{.State}}'], { encoding: 'utf8' }).trim();

async function groupLag(demo: DockerDemo, admin: ReturnType<Kafka['admin']>): Promise<number> {
  const ends = await admin.fetchTopicOffsets(demo.stack.topic);
  const [committed] = await admin.fetchOffsets({ groupId: demo.stack.group, topics: [demo.stack.topic] });
  return ends.reduce((sum, end) => {
    const at = Number(committed.partitions.find((p) => p.partition === end.partition)?.offset ?? -1);
    return sum + Math.max(0, Number(end.high) - Math.max(at, 0));
  }, 0);
}

describe('opsdeck demo --docker', () => {
  const docker = testDocker();
  let demo: DockerDemo | undefined;
  afterAll(async () => { if (demo) await stopDockerDemo(docker, demo); });

  it('runs the five services as labelled containers, live, and removes them all', async () => {
    const started = Date.now();
    demo = await startDockerDemo(docker, { rate: 10 });
    console.log(`docker demo up in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    const list = await docker.listContainers({ filters: { label: ['com.docker.compose.project=opsdeck-demo'] } });
    expect(list.map((c) => `${c.Labels['com.docker.compose.service']}:${c.State}:${c.Image}`).sort()).toEqual(SERVICES.map((s) => `${s}:running:${DEMO_IMAGE}`));
    const api = await docker.getContainer(demo.containers.get('api')!).inspect();
    expect(api.HostConfig.NetworkMode).toBe('host');
    expect(api.Config.Env).toContain('MODEL_VARIANT=ml');
    expect(await (await fetch(`${demo.stack.urls.api}/health`)).json()).toMatchObject({ model_loaded: true, model_version: 'xgb-2024.12.05' });
    const health = await until('every HEALTHCHECK healthy', async () => {
      const states = await Promise.all(SERVICES.map(async (s) => (await docker.getContainer(demo!.containers.get(s)!).inspect()).State.Health?.Status));
      return states.every((h) => h === 'healthy') && states;
    }, 20_000);
    expect(health).toHaveLength(5);

    const kafka = new Kafka({ clientId: 'demo-docker-test', brokers: [demo.stack.urls.broker], logLevel: logLevel.NOTHING });
    const admin = kafka.admin();
    await admin.connect();
    try {
      await until('the group consuming (lag small)', async () => (await groupLag(demo!, admin)) < 5, 20_000);
      const consumer = docker.getContainer(demo.containers.get('prediction-consumer')!);
      await consumer.pause();
      const grown = await until('lag growing while the consumer is paused', async () => { const lag = await groupLag(demo!, admin); return lag >= 20 && lag; }, 15_000);
      await consumer.unpause();
      await until('lag drained after unpause', async () => (await groupLag(demo!, admin)) < 5, 20_000);
      console.log(`lag grew to ${grown} messages while paused, drained after`);
    } finally {
      await admin.disconnect();
    }

    const dir = demo.stack.dir;
    await stopDockerDemo(docker, demo);
    demo = undefined;
    expect(psAll()).toBe('');
    expect(existsSync(dir)).toBe(false);
    expect((await docker.getImage(DEMO_IMAGE).inspect()).RepoTags).toContain(DEMO_IMAGE);
  }, 90_000);

  it('drills on the containers: a crash loop counted by the engine, a log flood read from the containers, the broker stopped; each resolved by its runbook', async () => {
    demo = await startDockerDemo(docker, { rate: 10 });
    const host = inject('dockerHost');
    const feed = new LogFeed(5000, 20);
    const source = new DockerSource({ host, project: DOCKER_PROJECT, refreshMs: 1000, logs: { tail: 0, maxLineBytes: 16_384, keepColor: false } }, createStore<AppState>(initialState(host)), feed);
    source.open();
    const env = { ...process.env, XDG_STATE_HOME: mkdtempSync(join(tmpdir(), 'opsdeck-docker-drills-')) };
    const ctx = drillContext({ stack: demo.stack, services: { runtime: new DockerRuntime(docker, DOCKER_PROJECT), project: DOCKER_PROJECT } }, feed);
    const apiInspect = async () => docker.getContainer((await docker.listContainers({ filters: { label: [`com.docker.compose.project=${DOCKER_PROJECT}`, 'com.docker.compose.service=api'] } }))[0].Id).inspect();
    try {
      for (const [name, runbook] of [['crash-loop', 'rollback-baseline-model'], ['log-flood', 'service-restart'], ['broker-down', 'kafka-connection-errors']]) {
        const lines: string[] = [];
        const outcome = await runDrill(findDrill(name)!, ctx, { say: (l) => lines.push(l), env });
        const text = lines.join('\n');
        console.log(`${name}: ${lines.at(-1)}`);
        expect(outcome, text).toMatchObject({ drill: name, runbook, exitCode: 0, recovered: true });
        expect(text).toContain('# Incident report');
        if (name === 'crash-loop') {
          expect(text).toMatch(/symptom seen after/);
          expect((await apiInspect()).Config.Env).toContain('MODEL_VARIANT=baseline');
        }
        if (name === 'log-flood') expect((await apiInspect()).Config.Env).toContain('MODEL_VARIANT=ml'); // the drill's reset undid the rollback
      }
      const kafka = (await docker.listContainers({ filters: { label: [`com.docker.compose.project=${DOCKER_PROJECT}`, 'com.docker.compose.service=kafka'] } }))[0];
      expect(kafka.State).toBe('running');
    } finally {
      source.close();
      await stopDockerDemo(docker, demo);
      demo = undefined;
    }
  }, 180_000);

  it('bin/opsdeck demo --docker in tmux: five containers running in the Containers pane, q removes them', async () => {
    const term = openDemoTerminal(['--docker'], { DOCKER_HOST: inject('dockerHost') }, { columns: 200, rows: 50 });
    try {
      const started = Date.now();
      const live = await term.waitForScreen((s) => /5\/5 running/.test(s) && SERVICES.every((name) => s.includes(`${name.slice(0, 11)}`)) && /5 ok/.test(s), 'five containers running, five checks ok', 45_000);
      console.log(`demo --docker: containers pane live after ${((Date.now() - started) / 1000).toFixed(1)} s\n${live}`);
      expect(psAll().split('\n').sort()).toEqual(SERVICES.map((s) => `opsdeck-demo-${s}-1 running`));
      term.keys('q');
      await term.waitForScreen((s) => s.includes('EXIT:0'), 'exit 0', 20_000);
      expect(psAll()).toBe('');
    } finally {
      term.close();
    }
  }, 90_000);

  it('bin/opsdeck demo --docker hung up (an SSH session dropped): the containers removed, the terminal restored', async () => {
    const term = openDemoTerminal(['--docker'], { DOCKER_HOST: inject('dockerHost') });
    try {
      await term.waitForScreen((s) => /5\/5 running/.test(s), 'five containers running', 45_000);
      process.kill(term.pid(), 'SIGHUP');
      await term.waitForScreen((s) => s.includes('EXIT:129'), 'exit 129 (hung up)', 20_000);
      await expectRestored(term);
      expect(psAll()).toBe('');
    } finally {
      term.close();
    }
  }, 90_000);

  it('bin/opsdeck demo --docker --drill model-missing: resolved headless, the report printed, the containers removed', async () => {
    const state = mkdtempSync(join(tmpdir(), 'opsdeck-demo-state-'));
    const { stdout, exitCode } = await execa(join(process.cwd(), 'bin/opsdeck'), ['demo', '--docker', '--drill', 'model-missing'], {
      env: { DOCKER_HOST: inject('dockerHost'), XDG_STATE_HOME: state }, reject: false, timeout: 120_000,
    });
    console.log(stdout.split('\n').filter((l) => l.startsWith('drill ')).join('\n'));
    expect(stdout).toContain('# Incident report');
    expect(stdout).toMatch(/drill model-missing: recovered; fault to recovery \d+\.\d s \(runbook model-not-loaded exit 0\)/);
    expect(exitCode).toBe(0);
    expect(psAll()).toBe('');
  }, 150_000);
});
