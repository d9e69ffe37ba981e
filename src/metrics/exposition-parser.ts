import type { Exposition, MetricFamily, MetricType, Sample } from './types';
import { LineError, LineReader, parseSampleValue } from './exposition-lexer';

const TYPES = new Set<MetricType>(['counter', 'gauge', 'histogram', 'summary', 'untyped']);
const SUFFIXES: [string, MetricType[]][] = [
  ['_bucket', ['histogram']],
  ['_sum', ['histogram', 'summary']],
  ['_count', ['histogram', 'summary']],
  ['_total', ['counter']],
  ['_created', ['counter', 'histogram', 'summary']],
];

/** Parses a /metrics scrape. Bad lines are collected as errors; the rest of the scrape still counts. */
export function parseExposition(text: string): Exposition {
  const result: Exposition = { families: new Map(), samples: [], errors: [] };
  const typed = new Set<string>();
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].replace(/\r$/, '');
    if (line.trim() === '') continue;
    try {
      if (line.trimStart().startsWith('#')) readComment(line.trimStart().slice(1), result, typed);
      else readSample(line, result);
    } catch (err) {
      if (!(err instanceof LineError)) throw err;
      result.errors.push({ line: i + 1, message: `line ${i + 1}: ${err.message}` });
    }
  }
  return result;
}

function readComment(body: string, result: Exposition, typed: Set<string>): void {
  const reader = new LineReader(body);
  const keyword = reader.word();
  if (keyword !== 'HELP' && keyword !== 'TYPE') return;
  reader.skipBlanks();
  const name = reader.metricName();
  const rest = body.slice(reader.pos).replace(/^[ \t]+/, '');
  const family = result.families.get(name);
  if (keyword === 'HELP') {
    const help = rest.replace(/\\(\\|n)/g, (_m, c: string) => (c === 'n' ? '\n' : '\\'));
    if (family) family.help = help;
    else result.families.set(name, { name, type: 'untyped', help, samples: [] });
    return;
  }
  const type = rest.trim() as MetricType;
  if (!TYPES.has(type)) throw new LineError(`unknown metric type "${rest.trim()}" for ${name}`);
  if (family?.samples.length) throw new LineError(`TYPE for ${name} comes after its samples`);
  if (typed.has(name)) throw new LineError(`second TYPE line for ${name}`);
  typed.add(name);
  if (family) family.type = type;
  else result.families.set(name, { name, type, samples: [] });
}

function readSample(line: string, result: Exposition): void {
  const reader = new LineReader(line);
  reader.skipBlanks();
  const name = reader.metricName();
  const labels = reader.labels();
  const valueText = reader.word();
  if (valueText === '') throw new LineError(`no value for ${name}`);
  const value = parseSampleValue(valueText);
  if (value === undefined) throw new LineError(`the value ${JSON.stringify(valueText)} of ${name} is not a number`);
  const sample: Sample = { name, labels, value };
  const stampText = reader.word();
  if (stampText !== '') {
    if (!/^-?\d+$/.test(stampText)) throw new LineError(`the timestamp ${JSON.stringify(stampText)} of ${name} is not whole milliseconds`);
    sample.timestampMs = Number(stampText);
  }
  if (reader.word() !== '') throw new LineError(`unexpected text after the value of ${name}`);
  const family = familyOf(name, result.families);
  if (family.type === 'histogram' && name.endsWith('_bucket')) {
    if (labels.le === undefined) throw new LineError(`histogram bucket ${name} has no "le" label`);
    if (parseSampleValue(labels.le) === undefined) throw new LineError(`le="${labels.le}" of ${name} is not a number`);
  }
  family.samples.push(sample);
  result.samples.push(sample);
}

function familyOf(sampleName: string, families: Map<string, MetricFamily>): MetricFamily {
  const exact = families.get(sampleName);
  if (exact) return exact;
  for (const [suffix, types] of SUFFIXES) {
    if (!sampleName.endsWith(suffix)) continue;
    const family = families.get(sampleName.slice(0, -suffix.length));
    if (family && types.includes(family.type)) return family;
  }
  const created: MetricFamily = { name: sampleName, type: 'untyped', samples: [] };
  families.set(sampleName, created);
  return created;
}
