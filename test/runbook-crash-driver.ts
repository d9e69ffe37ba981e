// Runs one runbook headless in its own process, so a test can kill it mid-step like an SSH drop.
// Usage: node driver.mjs RUNBOOK.yaml STATE_DIR
import { join } from 'node:path';
import { loadRunbookFile } from '../src/runbooks/load';
import { runRunbook } from '../src/runbooks/engine/engine';
import { HeadlessOperator } from '../src/runbooks/engine/headless-operator';
import { basicProber } from '../src/runbooks/probes/basic-prober';

const [file, state] = process.argv.slice(2);
const summary = await runRunbook({ runbook: loadRunbookFile(file), file, params: {} }, {
  operator: new HeadlessOperator({ yes: true, write: (line) => process.stdout.write(`${line}\n`) }),
  prober: basicProber(), runsDir: join(state, 'runs'), locksDir: join(state, 'locks'), heartbeatMs: 100,
});
process.stdout.write(`outcome ${summary.outcome}\n`);
