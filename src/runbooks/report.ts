// The Markdown incident timeline of one run, from its journal: who did what when, every check
// result, and what was changed from normal. The journal is already redacted; so is this.
import type { RunEvent, VerifyResult } from './engine/run-journal';

type Of<T extends RunEvent['type']> = Extract<RunEvent, { type: T }>;

const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\r?\n/g, '<br>');
const time = (iso: string) => iso.replace('T', ' ').replace(/\.\d+Z$/, 'Z');
const mark = (result: string) => (result === 'pass' ? '✓ pass' : result === 'fail' ? '✗ fail' : '↷ skipped');

export function renderReport(events: RunEvent[]): string {
  const head = events.find((e): e is Of<'run-start'> => e.type === 'run-start');
  if (!head) throw new Error('this journal has no run-start record; it is not a runbook run');
  const end = events.filter((e): e is Of<'run-end'> => e.type === 'run-end').at(-1);
  const steps = new Map(events.filter((e): e is Of<'step-start'> => e.type === 'step-start').map((e) => [`${e.seq}`, e]));
  const ends = events.filter((e): e is Of<'step-end'> => e.type === 'step-end');
  const people = [...new Set(events.flatMap((e) => ('who' in e ? [e.who] : [])))];
  const out = [
    `# Incident report: ${head.title}`,
    '',
    `- **Runbook:** ${head.runbook} (${head.severity})${head.file ? ` from \`${head.file}\`` : ''}`,
    `- **Run:** ${head.runId}`,
    `- **Started:** ${time(head.at)} by ${head.who}`,
    `- **Ended:** ${end ? `${time(end.at)}, **${end.outcome}**: ${end.summary}` : 'not ended (interrupted or still running)'}`,
    ...(end ? [`- **Duration:** ${Math.round((Date.parse(end.at) - Date.parse(head.at)) / 1000)} s`] : []),
    `- **People:** ${people.join(', ')}`,
    `- **Scope:** ${head.scope}`,
    `- **Parameters:** ${Object.entries(head.params).map(([k, v]) => `${k}=${head.secretParams.includes(k) ? '***' : String(v)}`).join(', ') || 'none'}`,
    '',
    '## Changed from normal',
    '',
    ...listOr(ends.flatMap((e) => e.changes ?? []), 'Nothing was changed.'),
    '',
    '## Check results',
    '',
    ...listOr(ends.flatMap((e) => checkLines(e, steps.get(`${e.seq}`))), 'No checks ran.'),
    '',
    '## Timeline',
    '',
    '| Time (UTC) | Who | Step | What happened |',
    '|---|---|---|---|',
    ...events.flatMap((e) => timelineRows(e, steps)),
    '',
  ];
  return out.join('\n');
}

function listOr(items: string[], none: string): string[] {
  return items.length ? items.map((item) => `- ${item}`) : [none];
}

function checkLines(end: Of<'step-end'>, start?: Of<'step-start'>): string[] {
  const own = start?.kind === 'check' ? [`${mark(end.result)} — ${start.title}: ${end.summary} (${time(end.at)})`] : [];
  const verified = (end.checks ?? []).map((c: VerifyResult) => `${c.pass ? '✓ pass' : '✗ fail'} — ${c.title} (verifying "${start?.title ?? end.step}"): ${c.summary}`);
  return [...own, ...verified];
}

function timelineRows(e: RunEvent, steps: Map<string, Of<'step-start'>>): string[] {
  const row = (who: string, step: string, what: string) => `| ${time(e.at)} | ${cell(who)} | ${cell(step)} | ${cell(what)} |`;
  switch (e.type) {
    case 'run-start': return [row(e.who, '', `started runbook ${e.runbook}`)];
    case 'resume': return [row(e.who, '', `resumed the interrupted run (pid ${e.pid})`)];
    case 'step-start': return [row(e.who, `${e.seq}. ${e.step} (${e.kind})`, `started: ${e.title}${e.render ? ` — \`${e.render}\`` : ''}`)];
    case 'step-end': {
      const title = steps.get(`${e.seq}`)?.title ?? e.step;
      const extra = [e.attempts && e.attempts > 1 ? `${e.attempts} attempts` : '', `${(e.durationMs / 1000).toFixed(1)} s`].filter(Boolean).join(', ');
      return [row('', `${e.seq}. ${e.step}`, `${mark(e.result)} (${extra}): ${title}: ${e.summary}${e.changes?.length ? `; changed: ${e.changes.join('; ')}` : ''}`)];
    }
    case 'operator': return [row(e.who, e.step ? `${e.seq}. ${e.step}` : '', `${e.auto ? 'auto-answered (--yes)' : 'answered'} "${e.answer}" to: ${e.prompt}`)];
    case 'note': return [row(e.who, e.step ? `${e.seq}. ${e.step}` : '', `note: ${e.text}`)];
    case 'run-end': return [row('', '', `run ended: **${e.outcome}** — ${e.summary}`)];
  }
}
