// Scrapes each service's /metrics (or asks Prometheus) on its interval and keeps, per service,
// the window's figures, their SLO judgement, a short history for the sparklines, and the last
// scrape error. Labelled containers add services as they appear.
import { MetricsScraper } from '../metrics/scraper';
import type { ServiceStats } from '../metrics/service-stats';
import type { Slo } from '../metrics/slo';
import { DEFAULT_SLO } from '../metrics/slo';
import { Rescheduler } from './rescheduler';
import { createStore, type Store } from '../store/store';
import type { AppState } from '../store/app-state';
import { messageOf } from '../checks/words';
import type { MetricsTargetConfig, PrometheusConfig } from './config-schema';
import { allTargets, configuredTargets, type LatencyTarget } from './latency-targets';
import { queryServiceStats } from './prometheus-query';

/** Points kept for the sparklines: 10 minutes at the default 5 s interval. */
export const HISTORY = 120;

export interface LatencyPoint { at: number; p95: number; errorRate: number }

export interface LatencyRow {
  service: string;
  target: LatencyTarget;
  source: 'scrape' | 'prometheus';
  stats?: ServiceStats;
  /** The last attempt failed with this; figures are from before. */
  error?: string;
  errorAt?: number;
  lastOkAt?: number;
  /** Lines of the last scrape that could not be read (the rest still counted). */
  parseErrors: number;
  /** Seconds of data the window holds, below its span while it fills. */
  heldSeconds: number;
  history: LatencyPoint[];
}

export interface LatencyState { rows: LatencyRow[] }

export interface LatencySourceOptions {
  metrics: Record<string, MetricsTargetConfig>;
  slo?: Slo;
  prometheus?: PrometheusConfig;
  appState?: Store<AppState>;
  batchMs?: number;
}

export class LatencySource {
  readonly store: Store<LatencyState>;
  private readonly configured: LatencyTarget[];
  private readonly scrapers = new Map<string, MetricsScraper>();
  private readonly rescheduler: Rescheduler;

  constructor(private readonly options: LatencySourceOptions) {
    this.configured = configuredTargets(options.metrics, options.slo ?? DEFAULT_SLO);
    this.store = createStore<LatencyState>({ rows: this.configured.map((t) => this.emptyRow(t)) }, options.batchMs ?? 50);
    this.rescheduler = new Rescheduler(options.appState, (instances) => {
      const targets = allTargets(this.configured, instances, this.options.slo ?? DEFAULT_SLO);
      return {
        jobs: targets.map((t) => ({
          id: t.service, intervalMs: t.intervalMs, timeoutMs: t.timeoutMs + 1000,
          run: async (signal) => { await this.refresh(t, signal); return { state: 'ok' as const, at: Date.now() }; },
        })),
        signature: JSON.stringify(targets),
        adopt: () => this.store.set((s) => ({ rows: targets.map((t) => ({ ...(s.rows.find((r) => r.service === t.service) ?? this.emptyRow(t)), target: t })) })),
      };
    }, { concurrency: 16, onResult: () => undefined });
  }

  open(): void {
    this.rescheduler.open();
  }

  close(): Promise<void> {
    return this.rescheduler.close();
  }

  /** One round for a target, now (tests, and the first figures of `status`). */
  async refresh(target: LatencyTarget, signal = new AbortController().signal): Promise<void> {
    const at = Date.now();
    try {
      if (this.options.prometheus) {
        const stats = await queryServiceStats(this.options.prometheus, target, signal);
        return this.update(target.service, (row) => succeeded(row, stats, at, 0, target.windowMs / 1000));
      }
      if (!target.url) throw new Error(`no URL: set metrics.${target.service}.url or prometheus.url`);
      const scraper = this.scraper(target, target.url);
      const outcome = await scraper.scrape(signal);
      if (outcome.error) throw new Error(outcome.error);
      const stats = scraper.stats({ histogram: target.histogram, requests: target.requests });
      this.update(target.service, (row) => succeeded(row, stats, at, outcome.parseErrors.length, scraper.window.seconds()));
    } catch (err) {
      this.update(target.service, (row) => ({ ...row, error: messageOf(err), errorAt: at }));
    }
  }

  private scraper(target: LatencyTarget, url: string): MetricsScraper {
    const key = `${target.service} ${url} ${target.windowMs}`;
    let scraper = this.scrapers.get(key);
    if (!scraper) this.scrapers.set(key, (scraper = new MetricsScraper(url, target.windowMs, target.timeoutMs)));
    return scraper;
  }

  private emptyRow(target: LatencyTarget): LatencyRow {
    return { service: target.service, target, source: this.options.prometheus ? 'prometheus' : 'scrape', parseErrors: 0, heldSeconds: 0, history: [] };
  }

  private update(service: string, change: (row: LatencyRow) => LatencyRow): void {
    this.store.set((s) => ({ rows: s.rows.map((row) => (row.service === service ? change(row) : row)) }));
  }

}

function succeeded(row: LatencyRow, stats: ServiceStats, at: number, parseErrors: number, heldSeconds: number): LatencyRow {
  const point = { at, p95: stats.p95, errorRate: stats.errorRate };
  return { ...row, stats, error: undefined, errorAt: undefined, lastOkAt: at, parseErrors, heldSeconds, history: [...row.history, point].slice(-HISTORY) };
}
