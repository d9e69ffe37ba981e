import { Command, CommanderError } from 'commander';
import { ConfigError } from '../config/config-error';
import type { CliOptions } from './settings-of';
import { addRunbookCommands } from './run-commands';

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
  // Validating a config loads yaml, zod and the schemas: each command does it when it runs.
  const settings = async () => (await import('./settings')).loadSettings(program.opts<CliOptions>());

  program.action(async () => {
    const cli = program.opts<CliOptions>();
    const { cockpitSettings } = await import('./cockpit-settings');
    const settings = await cockpitSettings(cli);
    const { nothingToWatch } = await import('./default-target');
    if (nothingToWatch(cli, settings)) {
      process.stderr.write('opsdeck: no Docker engine, no DOCKER_HOST and no opsdeck.yaml here: opening the embedded demo (opsdeck demo).\n');
      const { runDemo } = await import('./demo');
      code = await runDemo({ readOnly: cli.readOnly });
      return;
    }
    // The engine's first answers come back while the cockpit's code loads (src/docker/first-listing.ts).
    if (!settings.config.processes) (await import('../docker/first-listing')).primeFirstListing(settings.dockerHost, settings.project);
    const { runUi } = await import('./ui');
    code = await runUi(settings);
  });
  program.command('status')
    .description('one snapshot of the containers; exit 1 when a service is down or unhealthy')
    .option('--json', 'machine-readable output')
    .action(async (options: { json?: boolean }) => {
      const { runStatus } = await import('./status');
      code = await runStatus(await settings(), options);
    });
  program.command('check')
    .description('run every health check once; exit 1 when one is down, 2 when there is nothing to check')
    .option('--json', 'machine-readable output')
    .action(async (options: { json?: boolean }) => {
      const { runCheck } = await import('./check');
      code = await runCheck(await settings(), options);
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
      code = await runLogs(await settings(), { services, ...options });
    });
  const lag = program.command('lag')
    .description('consumer-group lag, kafka-consumer-groups style; exit 1 when a group is above its thresholds')
    .option('--group <group>', 'only this group')
    .option('--json', 'machine-readable output')
    .action(async (options: { group?: string; json?: boolean }) => {
      const { runLag } = await import('./lag');
      code = await runLag(await settings(), options);
    });
  lag.command('reset')
    .description("reset a group's committed offsets (clear its backlog); refused while it has active members")
    .option('--group <group>', 'the consumer group (required)')
    .requiredOption('--to <target>', 'latest, earliest, or an ISO time')
    .option('--dry-run', 'show the plan only')
    .option('--yes', 'do not ask for confirmation')
    .action(async (options: { group?: string; to: string; dryRun?: boolean; yes?: boolean }) => {
      // `lag` has a --group of its own, which commander fills first.
      const group = options.group ?? lag.opts<{ group?: string }>().group;
      const { runLagReset } = await import('./lag');
      code = group ? await runLagReset(await settings(), { ...options, group }) : 2;
      if (!group) process.stderr.write("opsdeck: lag reset: required option '--group <group>' not specified\n");
    });
  addRunbookCommands(program, settings, (exit) => { code = exit; });
  program.command('demo')
    .description('start a demo ML-serving stack (API, Kafka, consumer, registry) as local processes and open the cockpit on it')
    .option('--drill <name>', 'inject one fault (model-missing, latency-spike, error-spike, consumer-stall, broker-down, crash-loop, log-flood), resolve it with its runbook headless, print the incident report')
    .option('--docker', 'run the services as labelled containers (project opsdeck-demo) on the Docker engine instead of processes')
    .action(async (options: { drill?: string; docker?: boolean }) => {
      const { runDemo } = await import('./demo');
      code = await runDemo({ ...options, readOnly: program.opts<CliOptions>().readOnly });
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
