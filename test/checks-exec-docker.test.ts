import { describe, expect, it } from 'vitest';
import { probeExec } from '../src/checks/exec-probe';
import { probeDocker } from '../src/checks/docker-probe';
import type { DockerCheckSpec, DockerHealth, ExecCheckSpec } from '../src/checks/types';

const signal = () => new AbortController().signal;
const node = (script: string, extra: Partial<ExecCheckSpec> = {}): ExecCheckSpec => ({
  name: 'script', type: 'exec', command: process.execPath, args: ['-e', script], interval: 15_000, timeout: 5_000, ...extra,
});

describe('exec probe', () => {
  it('is ok on exit 0 and keeps the last output line', async () => {
    const result = await probeExec(node('console.log("checking"); console.log("all good")'), { signal: signal() });
    expect(result).toMatchObject({ state: 'ok', detail: { output: 'all good' } });
  });

  it('shows the exit code and the last stderr line', async () => {
    const result = await probeExec(node('console.error("warming up"); console.error("kafka: broker not available"); process.exit(3)'), { signal: signal() });
    expect(result).toMatchObject({ state: 'down', error: 'exit code 3: kafka: broker not available' });
  });

  it('passes arguments without a shell', async () => {
    const result = await probeExec({ ...node(''), args: ['-e', 'process.exit(process.argv[1] === "$HOME; rm -rf /" ? 0 : 1)', '$HOME; rm -rf /'] }, { signal: signal() });
    expect(result.state).toBe('ok');
  });

  it('times out a command that runs too long', async () => {
    const result = await probeExec(node('setTimeout(() => {}, 60_000)', { timeout: 300 }), { signal: signal() });
    expect(result).toMatchObject({ state: 'down', error: 'timeout after 300 ms' });
  });

  it('says when the command does not exist', async () => {
    const result = await probeExec({ ...node(''), command: 'opsdeck-no-such-command', args: [] }, { signal: signal() });
    expect(result).toMatchObject({ state: 'down', error: 'command not found: opsdeck-no-such-command' });
  });
});

describe('docker health probe', () => {
  const spec: DockerCheckSpec = { name: 'api', type: 'docker', container: 'volatility-api', interval: 15_000, timeout: 500 };
  const source = (health: DockerHealth) => async (container: string) => {
    expect(container).toBe('volatility-api');
    return health;
  };

  it('maps Docker health states to check states', async () => {
    const states = await Promise.all((['healthy', 'unhealthy', 'starting', 'none'] as const).map(
      (status) => probeDocker(spec, { signal: signal(), dockerHealth: source({ status }) })));
    expect(states.map((r) => r.state)).toEqual(['ok', 'down', 'degraded', 'unknown']);
    expect(states[3].error).toBe('container defines no health check');
  });

  it('shows the last health-check output of an unhealthy container', async () => {
    const result = await probeDocker(spec, { signal: signal(), dockerHealth: source({ status: 'unhealthy', output: 'curl: (7) Failed to connect\n' }) });
    expect(result.error).toBe('unhealthy: curl: (7) Failed to connect');
  });

  it('reports a failing or hanging Docker lookup as down', async () => {
    const failing = await probeDocker(spec, { signal: signal(), dockerHealth: async () => { throw new Error('no such container: volatility-api'); } });
    expect(failing).toMatchObject({ state: 'down', error: 'no such container: volatility-api' });
    const hanging = await probeDocker(spec, { signal: signal(), dockerHealth: () => new Promise(() => undefined) });
    expect(hanging).toMatchObject({ state: 'down', error: 'timeout after 500 ms' });
  });
});
