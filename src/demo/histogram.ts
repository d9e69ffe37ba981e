// A Prometheus histogram and counters written as exposition text by hand (prom-client is only a
// dev dependency, and the demo must run from a plain `npm ci`).
const BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 0.8, 1, 2.5, 5];

interface Series { counts: number[]; sum: number; count: number }

export class Histogram {
  private readonly series = new Map<string, Series>();

  constructor(private readonly name: string, private readonly help: string, private readonly label: string) {}

  observe(labelValue: string, seconds: number): void {
    let s = this.series.get(labelValue);
    if (!s) this.series.set(labelValue, (s = { counts: BUCKETS.map(() => 0), sum: 0, count: 0 }));
    BUCKETS.forEach((le, i) => { if (seconds <= le) s.counts[i]++; });
    s.sum += seconds;
    s.count++;
  }

  text(): string {
    const lines = [`# HELP ${this.name} ${this.help}`, `# TYPE ${this.name} histogram`];
    for (const [value, s] of this.series) {
      const l = `${this.label}="${value}"`;
      BUCKETS.forEach((le, i) => lines.push(`${this.name}_bucket{${l},le="${le}"} ${s.counts[i]}`));
      lines.push(`${this.name}_bucket{${l},le="+Inf"} ${s.count}`, `${this.name}_sum{${l}} ${s.sum}`, `${this.name}_count{${l}} ${s.count}`);
    }
    return lines.join('\n');
  }
}

export function gauge(name: string, help: string, value: number, labels = ''): string {
  return `# HELP ${name} ${help}\n# TYPE ${name} gauge\n${name}${labels ? `{${labels}}` : ''} ${value}`;
}

export function counter(name: string, help: string, value: number): string {
  return `# HELP ${name} ${help}\n# TYPE ${name} counter\n${name} ${value}`;
}
