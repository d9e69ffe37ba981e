// The latency pane's rows: figures for each service, their SLO verdicts, and the sparklines,
// laid out for a given width. Pure, so it is testable without rendering.
import type { LatencyRow } from '../src/health/latency-source';
import { formatDuration } from '../src/config/duration';
import { fit } from './format';
import { sparkline } from './sparkline';
import { errorVerdict, formatRate, formatSeconds, formatShare, p95Verdict, type Verdict } from './latency-format';

export interface LatencyCell { text: string; verdict?: Verdict }

export interface LatencyLayout { service: number; figure: number; spark: number }

export function latencyLayout(width: number, rows: LatencyRow[]): LatencyLayout {
  const service = Math.min(width >= 120 ? 24 : 12, Math.max(7, ...rows.map((r) => r.service.length)));
  const figure = 7;
  const rest = width - service - 5 * (figure + 1) - 1;
  return { service, figure, spark: Math.max(0, Math.min(40, Math.floor((rest - 10) / 2))) };
}

export function latencyHeader(layout: LatencyLayout): string {
  const figures = ['REQ/S', 'ERR%', 'P50', 'P95', 'P99'].map((h) => fit(h, layout.figure, 'right')).join(' ');
  const trends = layout.spark > 0 ? `  ${fit('P95 TREND', layout.spark + 4)} ${fit('ERR TREND', layout.spark + 4)}` : '';
  return `${fit('SERVICE', layout.service)} ${figures}${trends}`.trimEnd();
}

/** Why a row has no figures, or undefined when it has them. */
export function rowProblem(row: LatencyRow, now: number): { text: string; error: boolean } | undefined {
  if (row.error) return { text: `${row.source === 'scrape' ? 'scrape failed' : 'query failed'}: ${row.error}${row.errorAt ? ` (${formatDuration(Math.max(0, now - row.errorAt))} ago)` : ''}`, error: true };
  if (!row.stats) return { text: row.source === 'scrape' ? 'waiting for the first scrape' : 'waiting for Prometheus', error: false };
  if (row.source === 'scrape' && row.stats.windowSeconds === 0) return { text: 'window filling: waiting for a second scrape to compute rates', error: false };
  return undefined;
}

/** "filling 20s/1m" while a scraped window holds less than its span. */
export function fillingText(row: LatencyRow): string | undefined {
  if (row.source !== 'scrape' || !row.stats) return undefined;
  const spanMs = row.target.windowMs;
  const heldMs = row.heldSeconds * 1000;
  return heldMs + row.target.intervalMs * 1.5 < spanMs ? `filling ${formatDuration(heldMs)}/${formatDuration(spanMs)}` : undefined;
}

export function figureCells(row: LatencyRow, layout: LatencyLayout): LatencyCell[] {
  const s = row.stats;
  const cell = (text: string, verdict?: Verdict): LatencyCell => ({ text: fit(text, layout.figure, 'right'), verdict });
  return [
    cell(formatRate(s?.requestRate)),
    cell(formatShare(s?.errorRate), errorVerdict(s, row.target.slo)),
    cell(formatSeconds(s?.p50)),
    cell(formatSeconds(s?.p95), p95Verdict(s, row.target.slo)),
    cell(formatSeconds(s?.p99)),
  ];
}

/** The two sparklines, scaled so the SLO target sits at the top unless a value goes past it. */
export function trendCells(row: LatencyRow, width: number, unicode: boolean): LatencyCell[] {
  if (width <= 0) return [];
  const slo = row.target.slo;
  const last = row.history[row.history.length - 1];
  const p95 = sparkline(row.history.map((p) => p.p95), width, { unicode, max: slo.p95Ms / 1000 });
  const err = sparkline(row.history.map((p) => p.errorRate), width, { unicode, max: slo.errorRate });
  return [
    { text: `p95 ${p95}`, verdict: p95Verdict(last && { ...row.stats!, p95: last.p95 }, slo) },
    { text: `err ${err}`, verdict: errorVerdict(last && { ...row.stats!, errorRate: last.errorRate }, slo) },
  ];
}

/** "SLO p95 < 800ms · errors < 1%" when every service shares one objective. */
export function sloText(rows: LatencyRow[], separator = ' · '): string {
  const slos = new Set(rows.map((r) => `p95 < ${formatDuration(r.target.slo.p95Ms)}${separator}errors < ${formatShare(r.target.slo.errorRate)}`));
  return slos.size === 1 ? `SLO ${[...slos][0]}` : 'SLO per service';
}
