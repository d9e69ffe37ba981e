// The one engine behind headless runs and the TUI wizard: resolves parameters, takes the scope
// lock, walks the steps along their branches, journals everything, and resumes interrupted runs.
import type { AuditJournal } from '../../audit/journal';
import type { Runbook } from '../schema';
import type { ContainerRuntime, ExecutorRegistry, OffsetResetter, Operator, Prober, RunOutcome } from './types';
import { defaultExecutors } from '../executors/registry';
import { resolveParameters } from './params';
import { interpolate } from './interpolate';
import { Redactor } from './redact';
import { newRunId, RunJournal, runsDir as defaultRunsDir } from './run-journal';
import { acquireLock, locksDir as defaultLocksDir } from './lock';
import { RunTrail } from './trail';
import { renderDryRun } from './dry-run';
import { readPriorRun } from './resume';
import { walkSteps } from './walk';

export interface EngineOptions {
  operator: Operator;
  prober: Prober;
  /** Replaces executors by action kind; the rest are the defaults. */
  executors?: Partial<ExecutorRegistry>;
  runtime?: ContainerRuntime;
  offsets?: OffsetResetter;
  audit?: AuditJournal;
  runsDir?: string;
  locksDir?: string;
  env?: Record<string, string | undefined>;
  dryRun?: boolean;
  lockStaleAfterMs?: number;
  heartbeatMs?: number;
}

export interface RunRequest {
  runbook: Runbook;
  file?: string;
  params: Record<string, string>;
  /** Continue this interrupted run instead of starting a new one. */
  resume?: string;
}

export interface RunSummary {
  outcome: RunOutcome;
  message: string;
  runId?: string;
  journalPath?: string;
}

/** Throws ParameterError for bad parameters; every other problem is an outcome. */
export async function runRunbook(request: RunRequest, options: EngineOptions): Promise<RunSummary> {
  const { runbook } = request;
  const env = options.env ?? process.env;
  const runsDir = options.runsDir ?? defaultRunsDir(env as NodeJS.ProcessEnv);
  const journal = request.resume ? RunJournal.forRun(runsDir, request.resume) : undefined;
  const prior = journal ? readPriorRun(journal.read()) : undefined;
  if (request.resume && (!prior || prior.runbook !== runbook.id)) {
    return { outcome: 'refused', message: prior ? `run ${request.resume} is of runbook ${prior.runbook}, not ${runbook.id}` : `no journal for run ${request.resume} in ${runsDir}` };
  }
  if (prior?.finished) return { outcome: 'refused', message: `run ${request.resume} already ended: ${prior.finished}` };
  const params = resolveParameters(runbook, { ...prior?.params, ...request.params });
  const redactor = new Redactor();
  params.secrets.forEach((secret) => redactor.add(secret));
  const executors = { ...defaultExecutors, ...options.executors } as ExecutorRegistry;
  const resolve = <T>(value: T): T => interpolate(value, { params: params.values, env, onSecret: (s) => redactor.add(s) });

  if (options.dryRun) {
    const dryEnv = new Proxy(env, { get: (target, name: string) => target[name] ?? `\${${name}}` });
    const lines = renderDryRun(runbook, executors, (value) => interpolate(value, { params: params.values, env: dryEnv, onSecret: (s) => redactor.add(s) }));
    lines.forEach((line) => options.operator.note(redactor.text(line)));
    return { outcome: 'dry-run', message: redactor.text(lines.join('\n')) };
  }
  const unreviewed = runbook.steps.filter((step) => step.kind === 'action' && step.needs_review);
  if (unreviewed.length) {
    return { outcome: 'refused', message: `${runbook.id} has ${unreviewed.length} imported action(s) not yet reviewed (${unreviewed.map((s) => s.id).join(', ')}); review them and remove needs_review` };
  }

  const runId = request.resume ?? newRunId(runbook.id);
  const trail = new RunTrail(runId, runbook.id, journal ?? RunJournal.forRun(runsDir, runId), redactor, options.operator, options.audit, params.values);
  const scope = resolve(runbook.scope ?? `runbook:${runbook.id}`);
  if (prior) trail.write({ type: 'resume', who: trail.who, pid: process.pid });
  else {
    const secretParams = Object.entries(runbook.parameters).filter(([, p]) => p.secret).map(([name]) => name);
    trail.write({ type: 'run-start', who: trail.who, runId, runbook: runbook.id, title: runbook.title, severity: runbook.severity, file: request.file, scope, params: params.values, secretParams, pid: process.pid });
  }
  const finish = (outcome: RunOutcome, message: string): RunSummary => {
    trail.write({ type: 'run-end', outcome, summary: message });
    trail.say(`${outcome}: ${message}`);
    return { outcome, message: redactor.text(message), runId, journalPath: trail.journal.path };
  };

  const locked = await acquireLock({
    dir: options.locksDir ?? defaultLocksDir(env as NodeJS.ProcessEnv), scope, runId, runbook: runbook.id,
    staleAfterMs: options.lockStaleAfterMs, heartbeatMs: options.heartbeatMs,
    confirmTakeover: async (holder, why) => {
      const prompt = `${scope} is locked by ${holder.holder} (pid ${holder.pid}, run ${holder.runId}), but the lock looks stale: ${why}. Take it over?`;
      const ok = await options.operator.confirm(prompt);
      trail.answer(prompt, ok ? 'took over' : 'declined');
      return ok;
    },
  });
  if ('held' in locked) {
    return finish('locked', `${scope} is locked by ${locked.held.holder} (pid ${locked.held.pid}, run ${locked.held.runId}, heartbeat ${locked.held.heartbeatAt})${locked.stale ? `; stale (${locked.stale}) but takeover was declined` : ''}`);
  }
  if (locked.tookOver) trail.note(`took over the lock on ${scope} from ${locked.tookOver.holder} (run ${locked.tookOver.runId})`);
  try {
    const { outcome, message } = await walkSteps(runbook, prior, {
      runbook, trail, operator: options.operator, prober: options.prober, executors, runtime: options.runtime, offsets: options.offsets, resolve,
    });
    return finish(outcome, message);
  } catch (error) {
    return finish('failed', `engine error: ${(error as Error).message}`);
  } finally {
    locked.lock.release();
  }
}
