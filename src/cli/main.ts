import { Command, CommanderError } from 'commander';
import { ConfigError } from '../config/load';
import { loadSettings, type CliOptions } from './settings';

/** Runs the command line; resolves with the exit code. */
export async function main(argv: string[]): Promise<number> {
  let code = 0;
  const program = new Command('opsdeck')
    .description('A terminal ops cockpit: containers, logs and actions for a Docker Compose stack.')
    .option('-p, --project <name>', 'only this compose project')
    .option('-c, --config <file>', 'config file (default: ./opsdeck.yaml when present)')
    .option('--read-only', 'no actions: no restart, stop, start or shell')
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(s) });

  program.action(async () => {
    const { runUi } = await import('./ui');
    code = await runUi(loadSettings(program.opts<CliOptions>()));
  });
  program.command('status')
    .description('one snapshot of the containers; exit 1 when a service is down or unhealthy')
    .option('--json', 'machine-readable output')
    .action(async (options: { json?: boolean }) => {
      const { runStatus } = await import('./status');
      code = await runStatus(loadSettings(program.opts<CliOptions>()), options);
    });
  program.command('logs')
    .description('merged logs of the services, plain text for pipes (same sanitising as the UI)')
    .argument('[services...]', 'only these services')
    .option('--grep <regex>', 'only lines matching (prefix ! to invert)')
    .option('--since <duration>', 'only lines newer than this (e.g. 10m)')
    .option('--tail <n>', 'lines per container to start from', 'all')
    .option('-f, --follow', 'keep streaming new lines')
    .option('-t, --timestamps', 'prefix Docker timestamps')
    .action(async (services: string[], options) => {
      const { runLogs } = await import('./logs');
      code = await runLogs(loadSettings(program.opts<CliOptions>()), { services, ...options });
    });

  try {
    await program.parseAsync(argv, { from: 'user' });
    return code;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 2;
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.problems.map((p) => `opsdeck: ${p}`).join('\n')}\n`);
      return 2;
    }
    process.stderr.write(`opsdeck: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
}
