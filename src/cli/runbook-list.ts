// `opsdeck runbook list`: the bundled and user runbooks with their severity and the signals
// that suggest them; load problems go to stderr (exit 2) while the rest are still listed.
import { loadRunbookLibrary, userRunbooksDir } from '../runbooks/load';
import type { Signal } from '../runbooks/schema';
import { table } from '../kafka/source/lag-format';

export function signalText(signal: Signal): string {
  return signal.text;
}

export function listRunbooks(options: { json?: boolean }, env: NodeJS.ProcessEnv = process.env): number {
  const library = loadRunbookLibrary({ user: userRunbooksDir(env) });
  const entries = [...library.runbooks.values()].sort((a, b) => a.runbook.id.localeCompare(b.runbook.id));
  if (options.json) {
    const rows = entries.map(({ runbook, file, origin }) => ({ id: runbook.id, severity: runbook.severity, title: runbook.title, origin, file, signals: runbook.signals.map(signalText) }));
    process.stdout.write(`${JSON.stringify({ runbooks: rows, problems: library.problems }, null, 2)}\n`);
  } else {
    const rows = entries.map(({ runbook, origin }) => [runbook.id, runbook.severity, `${runbook.title}${origin === 'user' ? ' (yours)' : ''}`, runbook.signals.map(signalText).join('; ') || '-']);
    process.stdout.write(table([['ID', 'SEV', 'TITLE', 'SIGNALS'], ...rows]));
  }
  library.problems.forEach((p) => process.stderr.write(`opsdeck: ${p}\n`));
  return library.problems.length ? 2 : 0;
}
