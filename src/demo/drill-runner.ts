// Runs one drill against a live demo stack: back to a clean baseline, inject the fault, wait for
// the symptom, run the matching bundled runbook headless (--yes) on the stack's runtime, wait
// for recovery, then print the run's incident report and the time from fault to recovery.
import type { LogFeed } from '../logs/log-feed';
import { runRunbookCommand, reportCommand } from '../runbooks/run-command';
import { formatDuration } from '../config/duration';
import { setFaults, type Drill, type DrillContext } from './drills';
import { writeModel } from './stack';
import { recreateService, serviceStatus, startService, waitReady } from './drill-services';
import { until } from './until';

export interface DrillOutcome {
  drill: string;
  runbook: string;
  exitCode: number;
  runId?: string;
  recovered: boolean;
  faultToRecoveryMs?: number;
}

export function drillContext(ctx: Omit<DrillContext, 'logRate'>, feed: LogFeed): DrillContext {
  return {
    ...ctx,
    logRate: (service) => {
      feed.flush();
      const since = (Date.now() - 2000) * 1000;
      const { store } = feed;
      let count = 0;
      for (let i = store.size - 1; i >= 0 && store.tsAt(i) >= since; i--) if (store.serviceAt(i) === service) count++;
      return count / 2;
    },
  };
}

/** Undoes earlier drills: faults off, artifact back, API on the ML model, Kafka up. */
export async function resetStack(ctx: DrillContext): Promise<void> {
  const { stack, services } = ctx;
  setFaults(stack, {});
  writeModel(stack.dir);
  const api = await serviceStatus(services, 'api');
  if (api.env.MODEL_VARIANT !== 'ml' || api.state !== 'running') await recreateService(services, 'api', { MODEL_VARIANT: 'ml' });
  if ((await serviceStatus(services, 'kafka')).state !== 'running') await startService(services, 'kafka');
  await Promise.all(['api', 'kafka'].map((s) => waitReady(services, s, 30_000)));
}

export async function runDrill(drill: Drill, ctx: DrillContext, io: { say: (line: string) => void; env: NodeJS.ProcessEnv }): Promise<DrillOutcome> {
  const { say } = io;
  await resetStack(ctx);
  say(`drill ${drill.name}: ${drill.title}`);
  const faultAt = Date.now();
  await drill.inject(ctx);
  if (!(await until(() => drill.broken(ctx), drill.showsWithinMs ?? 20_000, 250))) {
    say(`drill ${drill.name}: the fault did not show within ${formatDuration(drill.showsWithinMs ?? 20_000)}; stopping`);
    return { drill: drill.name, runbook: drill.runbook, exitCode: 1, recovered: false };
  }
  say(`drill ${drill.name}: symptom seen after ${formatDuration(Date.now() - faultAt)}; running runbook ${drill.runbook} (headless, --yes)`);
  let runId: string | undefined;
  const exitCode = await runRunbookCommand({
    id: drill.runbook, params: drill.params(ctx.stack), dryRun: false, yes: true, env: io.env, project: ctx.services.project,
    runtime: ctx.services.runtime,
    stdout: (line) => { runId ??= /^run (\S+): /.exec(line)?.[1]; say(`  ${line.replace(/\n/g, '\n  ')}`); },
    stderr: (line) => say(`  ${line}`),
  });
  const recovered = await until(() => drill.recovered(ctx), 60_000, 250);
  const faultToRecoveryMs = recovered ? Date.now() - faultAt : undefined;
  if (runId) await reportCommand({ run: runId, env: io.env, stdout: (markdown) => say(markdown), stderr: say });
  say(recovered
    ? `drill ${drill.name}: recovered; fault to recovery ${(faultToRecoveryMs! / 1000).toFixed(1)} s (runbook ${drill.runbook} exit ${exitCode})`
    : `drill ${drill.name}: NOT recovered within 60 s after runbook ${drill.runbook} (exit ${exitCode})`);
  return { drill: drill.name, runbook: drill.runbook, exitCode, runId, recovered, faultToRecoveryMs };
}
