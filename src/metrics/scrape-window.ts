import type { MetricFamily, Sample } from './types';
import { counterIncrease, type Point } from './counter-increase';

export interface Scrape {
  /** Epoch ms of the scrape. */
  at: number;
  samples: Sample[];
  families: Map<string, MetricFamily>;
}

export interface SeriesIncrease {
  labels: Record<string, string>;
  increase: number;
}

interface IndexedScrape extends Scrape {
  byName: Map<string, Map<string, Sample>>;
}

export function seriesKey(labels: Record<string, string>): string {
  return Object.keys(labels).sort().map((k) => `${k}=${JSON.stringify(labels[k])}`).join(',');
}

/** The scrapes of one target over the last `spanMs`, oldest first. */
export class ScrapeWindow {
  private readonly kept: IndexedScrape[] = [];

  constructor(readonly spanMs: number) {}

  add(scrape: Scrape): void {
    const byName = new Map<string, Map<string, Sample>>();
    for (const sample of scrape.samples) {
      let series = byName.get(sample.name);
      if (!series) byName.set(sample.name, (series = new Map()));
      series.set(seriesKey(sample.labels), sample);
    }
    this.kept.push({ ...scrape, byName });
    const oldest = scrape.at - this.spanMs;
    while (this.kept.length > 1 && this.kept[0].at < oldest) this.kept.shift();
  }

  scrapes(): readonly Scrape[] {
    return this.kept;
  }

  latest(): Scrape | undefined {
    return this.kept[this.kept.length - 1];
  }

  /** Seconds between the first and last scrape kept. */
  seconds(): number {
    return this.kept.length < 2 ? 0 : (this.kept[this.kept.length - 1].at - this.kept[0].at) / 1000;
  }

  /**
   * The increase of every series named `name` across the window. A series first seen after
   * the window's first scrape counted from 0 before it, so the first 5xx a server ever
   * answers (which creates its labelled series) is counted, not lost.
   */
  increases(name: string): SeriesIncrease[] {
    if (this.kept.length < 2) return [];
    const points = new Map<string, { labels: Record<string, string>; points: Point[] }>();
    this.kept.forEach((scrape, index) => {
      for (const [key, sample] of scrape.byName.get(name) ?? []) {
        let entry = points.get(key);
        if (!entry) {
          entry = { labels: sample.labels, points: index > 0 ? [{ at: this.kept[index - 1].at, value: 0 }] : [] };
          points.set(key, entry);
        }
        entry.points.push({ at: scrape.at, value: sample.value });
      }
    });
    const out: SeriesIncrease[] = [];
    for (const { labels, points: series } of points.values()) {
      const increase = counterIncrease(series);
      if (increase !== undefined) out.push({ labels, increase });
    }
    return out;
  }
}
