// Sorts an imported shell command: read-only ones become checks, interactive or endless ones
// manual steps, and everything else (restart, down, rm, kill, DELETE, pip install, unknown
// commands) destructive actions that need review before the engine will run them.
export type CommandClass = 'check' | 'manual' | 'wait' | 'mutating';

const READ_ONLY_DOCKER = /^(ps|logs|inspect|images|version|info|top|port|diff|events --until|stats --no-stream|network (ls|inspect)|volume (ls|inspect)|container (ls|inspect)|image (ls|inspect))\b/;
const READ_ONLY_COMPOSE = /^(ps|logs|config|top|images|ls|version)\b/;
const READ_ONLY = new Set(['curl', 'test', '[', 'grep', 'cat', 'ls', 'lsof', 'ps', 'du', 'df', 'head', 'tail', 'echo', 'jq', 'wc', 'pg_isready', 'redis-cli', 'which', 'whoami', 'date', 'uptime', 'free', 'nc', 'ping', 'dig', 'trivy', 'time', 'printenv', 'env', 'stat', 'find']);
const READ_ONLY_KAFKA = /^kafka-(topics|consumer-groups)\b.*--(list|describe)\b|^kafka-broker-api-versions\b|^kafka-run-class\b.*GetOffsetShell/;
const INTERACTIVE = /(^|\s)(watch|vim?|nano|less|open|ssh|htop|top)\s|\s-it\s|\s-ti\s|(logs|tail)\b.*\s(-f|--follow)\b|kafka-console-consumer|^(docker(-compose| compose)? exec\b.*\s)?(bash|sh)$|^docker stats(?!.*--no-stream)|^python3? (scripts|features)\//;

export function classifyCommand(command: string): CommandClass {
  const text = command.trim();
  if (/^sleep\s+\d+$/.test(text)) return 'wait';
  if (INTERACTIVE.test(`${text} `) || INTERACTIVE.test(text)) return 'manual';
  // Every part of a pipeline or && chain must be read-only for the whole to be a check.
  const parts = text.split(/\s*(?:\|\||&&|\||;)\s*/).filter(Boolean);
  return parts.every(readOnly) ? 'check' : 'mutating';
}

function readOnly(part: string): boolean {
  const words = part.replace(/^(\w+=\S+\s+)+/, '').trim();
  const [first] = words.split(/\s+/);
  if (/[^>]>[^&]|^>|>>/.test(words.replace(/2>&1|>\s*\/dev\/null/g, ''))) return false;
  if (first === 'curl') return !/-X\s*(POST|PUT|PATCH|DELETE)\b|--request\s+(POST|PUT|PATCH|DELETE)\b|(^|\s)-d\s|--data/.test(words);
  if (first === 'pip') return /^pip3? (list|show|freeze|check)\b/.test(words);
  if (first === 'docker' || first === 'docker-compose') {
    const rest = words.replace(/^docker(-compose| compose)?\s+/, '').replace(/^(-f|--file|-p|--project-name)\s+\S+\s+/g, '');
    if (/^docker(-compose| compose)\s/.test(words)) {
      if (READ_ONLY_COMPOSE.test(rest)) return true;
      const exec = /^exec\s+(-T\s+)?\S+\s+(.*)$/.exec(rest);
      return exec ? readOnly(exec[2]) : false;
    }
    if (READ_ONLY_DOCKER.test(rest)) return true;
    const exec = /^exec\s+(-\w+\s+)*\S+\s+(.*)$/.exec(rest);
    return exec ? readOnly(exec[2]) : false;
  }
  if (READ_ONLY_KAFKA.test(words)) return true;
  if (first === 'mongo') return /serverStatus|ping/.test(words);
  return READ_ONLY.has(first);
}

/** Needs `sh -c`: pipes, redirects, substitutions, globs, chains, loops, variables. */
export function needsShell(command: string): boolean {
  return /[|&;<>()$`*?{}\n]|^\w+=/.test(command.replace(/'[^']*'|"(?:[^"\\$`]|\\.)*"/g, "''"));
}

/** Splits a simple command into arguments, honouring quotes. */
export function splitArgs(command: string): string[] {
  const args: string[] = [];
  let current = '';
  let quote: string | undefined;
  let started = false;
  for (let i = 0; i < command.length; i++) {
    const ch = command[i];
    if (quote) {
      if (ch === quote) quote = undefined;
      // In double quotes a backslash escapes only $ ` " \ (as in sh); elsewhere it stays.
      else if (ch === '\\' && quote === '"' && /[$`"\\]/.test(command[i + 1] ?? '')) current += command[++i];
      else current += ch;
    } else if (ch === '"' || ch === "'") { quote = ch; started = true; }
    else if (/\s/.test(ch)) { if (started) args.push(current); current = ''; started = false; }
    else if (ch === '\\' && i + 1 < command.length) { current += command[++i]; started = true; }
    else { current += ch; started = true; }
  }
  if (started) args.push(current);
  return args;
}

/** The command without a trailing unquoted `# comment`. */
export function stripComment(command: string): string {
  let quote: string | undefined;
  for (let i = 0; i < command.length; i++) {
    const ch = command[i];
    if (quote) { if (ch === quote) quote = undefined; else if (ch === '\\' && quote === '"') i++; }
    else if (ch === '"' || ch === "'") quote = ch;
    else if (ch === '\\') i++;
    else if (ch === '#' && (i === 0 || /\s/.test(command[i - 1]))) return command.slice(0, i).trimEnd();
  }
  return command;
}
