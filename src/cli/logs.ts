// `opsdeck logs`: the merged logs as plain lines for pipes, like `docker compose logs`.
import type { Settings } from './settings';
import { snapshot } from './snapshot';
import { followLogs } from '../docker/log-follower';
import { dockerErrorText } from '../docker/connect';
import { parseDuration } from '../config/duration';
import { compareLines, type LogLine } from '../logs/line';
import { parsePattern } from '../../views/ui-state';
import { formatLogLine } from './format-log-line';

export interface LogsOptions {
  services: string[];
  grep?: string;
  since?: string;
  tail: string;
  follow?: boolean;
  timestamps?: boolean;
}

export async function runLogs(settings: Settings, options: LogsOptions): Promise<number> {
  const { pattern, invert } = parsePattern(options.grep ?? '');
  const sinceMs = options.since === undefined ? undefined : parseDuration(options.since);
  if (options.since !== undefined && sinceMs === undefined) throw new Error(`--since: expected a duration like 10m, got "${options.since}"`);
  const tail = options.tail === 'all' ? undefined : Number(options.tail);
  if (tail !== undefined && !(Number.isInteger(tail) && tail >= 0)) throw new Error(`--tail: expected a number or "all", got "${options.tail}"`);
  let docker, instances;
  try {
    ({ docker, instances } = await snapshot(settings.dockerHost, settings.project));
  } catch (error) {
    process.stderr.write(`opsdeck: Docker unreachable at ${settings.dockerHost}: ${dockerErrorText(error)}\n`);
    return 2;
  }
  const chosen = instances.filter((i) => options.services.length === 0 || options.services.includes(i.service));
  const unknown = options.services.filter((s) => !instances.some((i) => i.service === s));
  if (unknown.length) process.stderr.write(`opsdeck: no such service: ${unknown.join(', ')}\n`);
  const color = process.stdout.isTTY === true && !process.env.NO_COLOR;
  const width = Math.min(16, Math.max(3, ...chosen.map((i) => i.service.length)));
  const keep = (line: LogLine) => !pattern || pattern.test(line.plain) !== invert;
  const write = (lines: LogLine[]) => {
    const text = lines.filter(keep).map((l) => formatLogLine(l, { width, color, timestamps: options.timestamps ?? false })).join('');
    if (text) process.stdout.write(text);
  };
  let seq = 0;
  const afterTs = sinceMs === undefined ? undefined : (Date.now() - sinceMs) * 1000;
  const collected: LogLine[] = [];
  let pending: LogLine[] = [];
  let timer: NodeJS.Timeout | undefined;
  const flush = () => { timer = undefined; write(pending.sort(compareLines)); pending = []; };
  await Promise.all(chosen.map((i) => followLogs(docker, i.id, {
    service: i.service, container: i.name, tty: i.tty, tail, afterTs, follow: options.follow ?? false,
    maxLineBytes: settings.config.logs.max_line_bytes, keepColor: color, nextSeq: () => ++seq,
  }, (lines) => {
    if (!options.follow) return void collected.push(...lines);
    pending.push(...lines);
    timer ??= setTimeout(flush, 50);
  }).catch((error) => process.stderr.write(`opsdeck: logs of ${i.name}: ${dockerErrorText(error)}\n`))));
  if (timer) clearTimeout(timer);
  if (pending.length) flush();
  write(collected.sort(compareLines));
  return 0;
}
