// `opsdeck run`, `opsdeck report` and `opsdeck runbook list|import`: flags mapped onto the
// runbook commands (src/runbooks/run-command.ts), with the Docker host, project, audit path and
// Kafka connection taken from the settings. Modules load only when their command runs.
import { InvalidArgumentError, type Command } from 'commander';
import type { Settings } from './settings-of';

/** `--param k=v`, repeatable. */
function collectParam(value: string, previous: Record<string, string>): Record<string, string> {
  const at = value.indexOf('=');
  if (at <= 0) throw new InvalidArgumentError(`expected name=value, got "${value}"`);
  return { ...previous, [value.slice(0, at)]: value.slice(at + 1) };
}

export function addRunbookCommands(program: Command, settings: () => Promise<Settings>, done: (code: number) => void): void {
  program.command('run')
    .description('run a runbook headless; exit 0 done (or dry run), 1 failed, 2 usage, 3 aborted, 4 refused, 5 locked')
    .argument('<id>', 'the runbook id (see opsdeck runbook list)')
    .option('--param <name=value>', 'a runbook parameter (repeatable)', collectParam, {})
    .option('--dry-run', 'show exactly what each step would do; change nothing')
    .option('--yes', 'answer every confirmation (typed P0 ones included) with yes; decisions take their default')
    .option('--resume <run>', 'continue this interrupted run (an id or a unique part of one)')
    .action(async (id: string, options: { param: Record<string, string>; dryRun?: boolean; yes?: boolean; resume?: string }) => {
      const { runFromCli } = await import('./run-wiring');
      done(await runFromCli(await settings(), { id, params: options.param, dryRun: options.dryRun ?? false, yes: options.yes ?? false, resume: options.resume }));
    });
  program.command('report')
    .description('the Markdown incident timeline of a run (the newest when RUN is omitted)')
    .argument('[run]', 'a run id or a unique part of one')
    .option('-o, --output <file>', 'write it to this file instead of stdout')
    .action(async (run: string | undefined, options: { output?: string }) => {
      const { reportCommand } = await import('../runbooks/run-command');
      done(await reportCommand({ run, out: options.output }));
    });
  const runbook = program.command('runbook').description('the runbook library: list, import');
  runbook.command('list')
    .description('every runbook: id, severity, title and the signals that suggest it')
    .option('--json', 'machine-readable output')
    .action(async (options: { json?: boolean }) => {
      const { listRunbooks } = await import('./runbook-list');
      done(listRunbooks(options));
    });
  runbook.command('import')
    .description('turn a Markdown runbook into a draft runbook file (mutating commands marked needs_review)')
    .argument('<file>', 'the Markdown file')
    .option('-o, --output <file>', 'where to write the draft (- for stdout; default: your runbooks dir)')
    .option('--force', 'overwrite an existing file')
    .action(async (file: string, options: { output?: string; force?: boolean }) => {
      const { importCommand } = await import('../runbooks/run-command');
      done(await importCommand({ file, out: options.output, force: options.force }));
    });
}
