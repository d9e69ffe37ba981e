// The headless commands: `opsdeck run ID`, `opsdeck report [RUN]`, `opsdeck runbook import FILE`.
// Each returns its exit code; the CLI parser (src/cli/) only maps flags onto these arguments.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { AuditJournal, defaultAuditPath } from '../audit/journal';
import { connectDocker, resolveDockerHost } from '../docker/connect';
import { ConfigError } from '../config/load';
import { loadRunbookLibrary, userRunbooksDir } from './load';
import { runRunbook } from './engine/engine';
import { ParameterError } from './engine/params';
import { HeadlessOperator } from './engine/headless-operator';
import { EXIT_CODES, type ContainerRuntime, type OffsetResetter, type Prober } from './engine/types';
import { findRun, RunJournal, runsDir } from './engine/run-journal';
import { DockerRuntime } from './docker-runtime';
import { basicProber } from './probes/basic-prober';
import { renderReport } from './report';
import { importMarkdown } from './import-markdown';

/** Bad arguments, unknown runbook or run, invalid files. Run outcomes use EXIT_CODES. */
export const USAGE_EXIT = 2;

interface Output {
  env?: NodeJS.ProcessEnv;
  stdout?: (line: string) => void;
  stderr?: (line: string) => void;
}

export interface RunCommandArgs extends Output {
  id: string;
  params: Record<string, string>;
  dryRun: boolean;
  yes: boolean;
  /** Resume this interrupted run (an id or unique part of one). */
  resume?: string;
  dockerHost?: string;
  project?: string;
  auditPath?: string;
  dirs?: { bundled?: string; user?: string };
  /** Wiring from the cockpit; defaults: Docker at dockerHost, the basic prober, no Kafka. */
  runtime?: ContainerRuntime;
  prober?: Prober;
  offsets?: OffsetResetter;
  input?: NodeJS.ReadableStream & { isTTY?: boolean };
}

const out = (o: Output) => ({ env: o.env ?? process.env, stdout: o.stdout ?? ((l: string) => process.stdout.write(`${l}\n`)), stderr: o.stderr ?? ((l: string) => process.stderr.write(`${l}\n`)) });

export async function runRunbookCommand(args: RunCommandArgs): Promise<number> {
  const { env, stdout, stderr } = out(args);
  const library = loadRunbookLibrary({ bundled: args.dirs?.bundled, user: args.dirs?.user ?? userRunbooksDir(env) });
  const found = library.runbooks.get(args.id);
  if (!found) {
    library.problems.forEach((p) => stderr(p));
    stderr(`unknown runbook "${args.id}"; available: ${[...library.runbooks.keys()].sort().join(', ')}`);
    return USAGE_EXIT;
  }
  const dir = runsDir(env);
  const resume = args.resume ? findRun(dir, args.resume) : undefined;
  if (args.resume && !resume) {
    stderr(`no single run matches "${args.resume}" in ${dir}`);
    return USAGE_EXIT;
  }
  const runtime = args.runtime ?? new DockerRuntime(connectDocker(resolveDockerHost(args.dockerHost, env)), args.project);
  try {
    const summary = await runRunbook({ runbook: found.runbook, file: found.file, params: args.params, resume }, {
      operator: new HeadlessOperator({ yes: args.yes, write: stdout, input: args.input }),
      prober: args.prober ?? basicProber(runtime), runtime, offsets: args.offsets,
      audit: new AuditJournal(args.auditPath ?? defaultAuditPath(env)), env, dryRun: args.dryRun,
    });
    if (summary.runId) stdout(`run ${summary.runId}: ${summary.outcome}; journal ${summary.journalPath}; report: opsdeck report ${summary.runId}`);
    if (summary.outcome !== 'succeeded' && summary.outcome !== 'dry-run' && !summary.runId) stderr(summary.message);
    return EXIT_CODES[summary.outcome];
  } catch (error) {
    if (!(error instanceof ParameterError)) throw error;
    error.problems.forEach((p) => stderr(p));
    return USAGE_EXIT;
  }
}

export interface ReportCommandArgs extends Output {
  /** A run id or unique part of one; the newest run when omitted. */
  run?: string;
  /** Write the Markdown here instead of stdout. */
  out?: string;
}

export async function reportCommand(args: ReportCommandArgs): Promise<number> {
  const { env, stdout, stderr } = out(args);
  const dir = runsDir(env);
  const runId = findRun(dir, args.run);
  if (!runId) {
    stderr(args.run ? `no single run matches "${args.run}" in ${dir}` : `no runbook runs in ${dir} yet`);
    return USAGE_EXIT;
  }
  const markdown = renderReport(RunJournal.forRun(dir, runId).read());
  if (!args.out) stdout(markdown);
  else {
    mkdirSync(dirname(args.out), { recursive: true });
    writeFileSync(args.out, markdown);
    stderr(`wrote the report of ${runId} to ${args.out}`);
  }
  return 0;
}

export interface ImportCommandArgs extends Output {
  file: string;
  /** Where to write the draft; `-` for stdout; the user's runbooks dir by default. */
  out?: string;
  force?: boolean;
}

export async function importCommand(args: ImportCommandArgs): Promise<number> {
  const { env, stdout, stderr } = out(args);
  let text: string;
  try {
    text = readFileSync(args.file, 'utf8');
  } catch (error) {
    stderr(`cannot read ${args.file}: ${(error as Error).message}`);
    return USAGE_EXIT;
  }
  try {
    const draft = importMarkdown(text, args.file);
    if (args.out === '-') return stdout(draft.yaml), 0;
    const target = args.out ?? join(userRunbooksDir(env), `${draft.runbook.id}.yaml`);
    if (existsSync(target) && !args.force) {
      stderr(`${target} exists; pass --force to overwrite it`);
      return USAGE_EXIT;
    }
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, draft.yaml);
    stderr(`wrote ${target}: ${draft.runbook.steps.length} steps, ${draft.needsReview} marked needs_review; review them before running`);
    return 0;
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    error.problems.forEach((p) => stderr(p));
    return USAGE_EXIT;
  }
}
