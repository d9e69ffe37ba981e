// Reads a Markdown runbook into what the importer needs: sections (heading, prose) holding
// shell commands, each with its line, the prose before it, and the comment above it.
import { stripComment } from './import-classify';

export interface ScannedCommand {
  /** The command as written, continuation lines joined. */
  text: string;
  line: number;
  /** The `# comment` line(s) right above it in the fence. */
  comment?: string;
  /** The paragraph before the fence (or the list item holding an inline command). */
  paragraph?: string;
  /** Set by a `cd DIR` line earlier in the same fence. */
  cwd?: string;
  inline: boolean;
}

export interface ScannedSection {
  heading: string;
  level: number;
  line: number;
  commands: ScannedCommand[];
  symptoms: string[];
}

export interface ScannedDoc {
  title?: string;
  sections: ScannedSection[];
}

const SHELL_FENCES = new Set(['bash', 'sh', 'shell', 'zsh', 'console']);
/** Inline `code` in prose counts as a command only when it starts like one. */
const INLINE_COMMAND = /^(docker(-compose)?|curl|kill|sudo|make|kubectl|redis-cli|pg_isready|lsof|tail|ls|cat|grep|rm|systemctl|python3?|pip|tar|du|df|trivy)\s+\S/;

export function scanMarkdown(text: string): ScannedDoc {
  const lines = text.split(/\r?\n/);
  const doc: ScannedDoc = { sections: [] };
  let section: ScannedSection = { heading: '', level: 0, line: 1, commands: [], symptoms: [] };
  doc.sections.push(section);
  let paragraph: string[] = [];
  let inSymptoms = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const fence = /^(\s*)(```+|~~~+)\s*([\w-]*)/.exec(line);
    if (fence) {
      const end = lines.findIndex((l, j) => j > i && l.trim().startsWith(fence[2]));
      const close = end === -1 ? lines.length : end;
      if (SHELL_FENCES.has(fence[3].toLowerCase())) {
        section.commands.push(...fenceCommands(lines.slice(i + 1, close), i + 2, fence[1].length, paragraph.join(' ').trim() || undefined));
      }
      paragraph = [];
      i = close;
      continue;
    }
    const heading = /^(#{1,6})\s+(.*?)\s*#*\s*$/.exec(line);
    if (heading) {
      const title = cleanInline(heading[2]);
      if (heading[1].length === 1 && !doc.title) doc.title = title;
      section = { heading: title, level: heading[1].length, line: i + 1, commands: [], symptoms: [] };
      doc.sections.push(section);
      paragraph = [];
      inSymptoms = false;
      continue;
    }
    if (!line.trim()) {
      if (!/^\s*[-*]\s/.test(lines[i + 1] ?? '')) inSymptoms = false;
      paragraph = paragraph.length && !inSymptoms ? paragraph : [];
      continue;
    }
    if (/^\*\*Symptoms?\*\*:?|^\*\*Symptoms?:\*\*/i.test(line.trim())) {
      inSymptoms = true;
      const rest = cleanInline(line.replace(/^\s*\*\*Symptoms?:?\*\*:?/i, ''));
      if (rest) section.symptoms.push(rest);
    } else if (inSymptoms && /^\s*[-*]\s/.test(line)) section.symptoms.push(cleanInline(line.replace(/^\s*[-*]\s+/, '')));
    for (const code of line.matchAll(/`([^`]+)`/g)) {
      if (INLINE_COMMAND.test(code[1].trim()) && /^\s*(\d+\.|[-*])\s/.test(line)) {
        section.commands.push({ text: code[1].trim(), line: i + 1, paragraph: cleanInline(line.replace(/^\s*(\d+\.|[-*])\s+/, '')), inline: true });
      }
    }
    paragraph.push(cleanInline(line));
  }
  doc.sections = doc.sections.filter((s) => s.commands.length || s.symptoms.length);
  return doc;
}

function fenceCommands(body: string[], firstLine: number, indent: number, paragraph?: string): ScannedCommand[] {
  const commands: ScannedCommand[] = [];
  let comment: string[] = [];
  let cwd: string | undefined;
  for (let k = 0; k < body.length; k++) {
    const raw = body[k].slice(Math.min(indent, body[k].length - body[k].trimStart().length));
    const trimmed = raw.trim();
    if (!trimmed || trimmed.startsWith('#!')) { if (!trimmed) comment = []; continue; }
    if (trimmed.startsWith('#')) { comment.push(trimmed.replace(/^#+\s*/, '')); continue; }
    const start = k;
    let text = trimmed;
    // Join `\` continuations, open quotes and for/do/done blocks into one command.
    while (k + 1 < body.length && (text.endsWith('\\') || unbalanced(text))) {
      k++;
      text = text.endsWith('\\') ? `${text.slice(0, -1).trimEnd()} ${body[k].trim()}` : `${text}\n${body[k].trim()}`;
    }
    text = stripComment(text);
    const cd = /^cd\s+(\S+)$/.exec(text);
    if (cd) cwd = cd[1];
    else if (text) commands.push({ text, line: firstLine + start, comment: comment.join(' ') || undefined, paragraph, inline: false, cwd });
    comment = [];
  }
  return commands;
}

function unbalanced(text: string): boolean {
  const quotes = (text.replace(/\\./g, '').match(/"/g) ?? []).length % 2 === 1 || (text.replace(/\\./g, '').match(/'/g) ?? []).length % 2 === 1;
  const opens = (text.match(/\b(do|then)\b/g) ?? []).length;
  const closes = (text.match(/\b(done|fi)\b/g) ?? []).length;
  return quotes || opens > closes;
}

export function cleanInline(text: string): string {
  return text.replace(/\*\*|__/g, '').replace(/`([^`]*)`/g, '$1').replace(/\[([^\]]+)\]\([^)]*\)/g, '$1').trim();
}
