import { request } from 'undici';
import { sharedAgent } from '../checks/http-agent';
import { BodyTooLargeError, readCappedBody } from '../checks/http-body';
import { deadline } from '../checks/deadline';
import { describeNetworkError, timeoutInWords } from '../checks/network-errors';
import { parseExposition } from './exposition-parser';
import { ScrapeWindow, type Scrape } from './scrape-window';
import { serviceStats, type ServiceStats, type ServiceStatsOptions } from './service-stats';
import type { ParseError } from './types';

const ACCEPT = 'text/plain;version=0.0.4;q=1,*/*;q=0.1';

export interface ScrapeOptions {
  timeoutMs: number;
  signal?: AbortSignal;
  maxBytes?: number;
}

export interface ScrapeOutcome {
  scrape?: Scrape;
  /** Why the scrape failed, in words; the window is left as it was. */
  error?: string;
  /** Lines that could not be read; the scrape still counts. */
  parseErrors: ParseError[];
  latencyMs: number;
}

/** GETs a /metrics URL through the shared agent and parses it. Never throws. */
export async function scrapeMetrics(url: string, options: ScrapeOptions): Promise<ScrapeOutcome> {
  const started = performance.now();
  const time = deadline(options.signal ?? new AbortController().signal, options.timeoutMs);
  const failed = (error: string): ScrapeOutcome => ({ error, parseErrors: [], latencyMs: performance.now() - started });
  try {
    const res = await request(url, { dispatcher: sharedAgent(), headers: { accept: ACCEPT }, signal: time.signal });
    if (res.statusCode !== 200) {
      await res.body.dump().catch(() => undefined);
      return failed(`HTTP ${res.statusCode}`);
    }
    const body = await readCappedBody(res.body, options.maxBytes ?? 16 << 20, res.headers['content-length']);
    const parsed = parseExposition(body.toString('utf8'));
    const scrape: Scrape = { at: Date.now(), samples: parsed.samples, families: parsed.families };
    return { scrape, parseErrors: parsed.errors, latencyMs: performance.now() - started };
  } catch (err) {
    if (time.timedOut()) return failed(timeoutInWords(options.timeoutMs));
    if (options.signal?.aborted) return failed('cancelled');
    if (err instanceof BodyTooLargeError) return failed(err.message);
    return failed(describeNetworkError(err, hostOf(url)));
  }
}

/** One target's /metrics, scraped into a sliding window. */
export class MetricsScraper {
  readonly window: ScrapeWindow;

  constructor(readonly url: string, windowMs: number, private readonly timeoutMs = 5_000) {
    this.window = new ScrapeWindow(windowMs);
  }

  async scrape(signal?: AbortSignal): Promise<ScrapeOutcome> {
    const outcome = await scrapeMetrics(this.url, { timeoutMs: this.timeoutMs, signal });
    if (outcome.scrape) this.window.add(outcome.scrape);
    return outcome;
  }

  stats(options?: ServiceStatsOptions): ServiceStats {
    return serviceStats(this.window, options);
  }
}

function hostOf(url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    return url;
  }
}
