// `opsdeck runbook import RUNBOOK.md`: a Markdown runbook (headings, prose, fenced bash) becomes
// a draft runbook. Headings name the steps, the paragraph before a fence describes them,
// read-only commands become checks, mutating ones destructive actions marked needs_review, and
// placeholders like [service-name] or <PID> become parameters. Every step keeps its source line.
import { basename } from 'node:path';
import { stringify } from 'yaml';
import { parseRunbook } from './load';
import type { Runbook } from './schema';
import { scanMarkdown, type ScannedCommand, type ScannedSection } from './import-scan';
import { classifyCommand, needsShell, splitArgs } from './import-classify';

export interface ImportedRunbook {
  runbook: Runbook;
  yaml: string;
  needsReview: number;
}

const PLACEHOLDER = /\[([a-z][a-z0-9-]*)\]|<([A-Za-z][A-Za-z0-9_-]*)>/g;

const slug = (text: string, max = 40) => text.toLowerCase().normalize('NFKD').replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, max).replace(/-+$/, '') || 'step';

export function importMarkdown(text: string, file: string): ImportedRunbook {
  const doc = scanMarkdown(text);
  const title = doc.title ?? basename(file).replace(/\.\w+$/, '');
  const parameters: Record<string, { description: string }> = {};
  const ids = new Set<string>();
  const steps: Record<string, unknown>[] = [];
  for (const section of doc.sections) {
    section.commands.forEach((command, n) => steps.push(toStep(section, command, n, ids, parameters)));
  }
  if (steps.length === 0) {
    steps.push({ id: 'read-the-runbook', kind: 'manual', title: `Follow ${basename(file)}`, instruction: `No shell commands were found in ${basename(file)}; follow it by hand.`, source_line: 1 });
  }
  const draft = {
    id: slug(title, 60),
    title,
    severity: 'P2',
    source: `imported from ${basename(file)}; review every step, set the severity and signals, then remove needs_review`,
    symptoms: [...new Set(doc.sections.flatMap((s) => s.symptoms))].slice(0, 20),
    signals: [{ on: 'manual', text: `an operator picks this runbook (imported from ${basename(file)})` }],
    parameters,
    steps,
  };
  const yaml = `# Draft imported from ${file}. Checks run as written; actions need review.\n${stringify(draft, { lineWidth: 0 })}`;
  const runbook = parseRunbook(yaml, `${file} (imported)`);
  return { runbook, yaml, needsReview: steps.filter((s) => s.needs_review).length };
}

function toStep(section: ScannedSection, command: ScannedCommand, n: number, ids: Set<string>, parameters: Record<string, { description: string }>): Record<string, unknown> {
  const base = slug(section.heading || 'start');
  let id = section.commands.length > 1 ? `${base}-${n + 1}` : base;
  for (let k = 2; ids.has(id); k++) id = `${base}-${n + 1}-${k}`;
  ids.add(id);
  const cls = classifyCommand(command.text);
  const shell = needsShell(command.text.replace(PLACEHOLDER, 'x'));
  const text = command.text.replace(PLACEHOLDER, (_, square?: string, angle?: string) => {
    const name = (square ?? angle ?? 'value').toLowerCase().replace(/-/g, '_');
    parameters[name] ??= { description: `the ${name.replace(/_/g, ' ')} (was ${square ? `[${square}]` : `<${angle}>`} in the Markdown)` };
    return `{{${name}}}`;
  });
  const argv = shell ? [text] : splitArgs(text);
  const title = command.comment ?? (command.inline ? command.paragraph : undefined) ?? `${section.heading || 'Step'}: ${text.split('\n')[0].slice(0, 60)}`;
  const where = command.cwd ? `Run from ${command.cwd}/ (the Markdown changes directory first).` : undefined;
  const description = [command.paragraph !== title ? command.paragraph : undefined, where].filter(Boolean).join(' ') || undefined;
  const common = { id, title: title.slice(0, 120), ...(description ? { description } : {}), source_line: command.line };
  switch (cls) {
    case 'check':
      return { ...common, kind: 'check', on_fail: 'next', probe: { type: 'exec', command: argv, ...(shell ? { shell: true } : {}) } };
    case 'manual':
      return { ...common, kind: 'manual', instruction: `Run this in another terminal and check its output: ${text}` };
    case 'wait': {
      const seconds = Number(/\d+/.exec(text)![0]);
      return { ...common, kind: 'action', timeout: `${seconds + 10}s`, idempotent: true, action: { type: 'command', command: argv } };
    }
    case 'mutating':
      return { ...common, kind: 'action', destructive: true, needs_review: true, action: { type: 'command', command: shell ? text : argv, ...(shell ? { shell: true } : {}), ...(command.cwd ? { cwd: command.cwd } : {}) } };
  }
}
