// Every check once, at most `concurrency` at a time: what `opsdeck check` and
// `opsdeck status` report. A probe that ignores its timeout is given up on, not waited for.
import { runProbe } from '../checks/probe';
import { timeoutInWords } from '../checks/network-errors';
import type { CheckResult, DockerHealthSource } from '../checks/types';
import { checkTarget, type HealthCheck } from './check-list';
import { problemResult } from './health-source';

export interface CheckReport {
  name: string;
  service: string;
  type: string;
  target: string;
  origin: HealthCheck['origin'];
  state: CheckResult['state'];
  latencyMs?: number;
  error?: string;
  fields?: Record<string, string>;
  detail?: Record<string, string | number>;
  at: string;
}

export interface RunOnceOptions {
  dockerHealth?: DockerHealthSource;
  env?: Record<string, string | undefined>;
  concurrency?: number;
}

const GRACE_MS = 500;

export async function runChecksOnce(checks: HealthCheck[], options: RunOnceOptions = {}): Promise<CheckReport[]> {
  const reports: CheckReport[] = new Array(checks.length);
  let next = 0;
  const worker = async () => {
    while (next < checks.length) {
      const index = next++;
      reports[index] = report(checks[index], await runOne(checks[index], options));
    }
  };
  await Promise.all(Array.from({ length: Math.min(options.concurrency ?? 16, checks.length) }, worker));
  return reports;
}

async function runOne(check: HealthCheck, options: RunOnceOptions): Promise<CheckResult> {
  const early = problemResult(check);
  if (early) return early;
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const giveUp = new Promise<CheckResult>((resolve) => {
    timer = setTimeout(() => {
      controller.abort(new Error('timeout'));
      resolve({ state: 'down', error: `${timeoutInWords(check.spec.timeout)} (the probe did not stop)`, at: Date.now() });
    }, check.spec.timeout + GRACE_MS);
  });
  const probe = runProbe(check.spec, { signal: controller.signal, env: options.env, dockerHealth: options.dockerHealth });
  try {
    return await Promise.race([probe, giveUp]);
  } finally {
    clearTimeout(timer);
  }
}

function report(check: HealthCheck, result: CheckResult): CheckReport {
  return {
    name: check.id, service: check.service, type: check.spec.type, target: checkTarget(check), origin: check.origin,
    state: result.state, latencyMs: result.latencyMs === undefined ? undefined : Math.round(result.latencyMs * 10) / 10,
    error: result.error, fields: result.fields, detail: result.detail, at: new Date(result.at).toISOString(),
  };
}
