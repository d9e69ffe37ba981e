// The live panes' stores as one snapshot for signal matching, and the offers it yields: read on a
// key press (W) and, through the hook, for the footer's hint.
import { useEffect, useState } from 'react';
import { useCockpit } from './context';
import { displayState } from '../src/checks/check-status';
import { matchSignals, type LiveSnapshot, type Offer } from '../src/runbooks/signals';
import type { Cockpit } from './context';

export function liveSnapshot(cockpit: Cockpit): LiveSnapshot {
  const health = cockpit.health?.store.get();
  const checks = (health?.checks ?? []).flatMap((check) => {
    const status = health!.book.get(check.id);
    if (!status) return [];
    const last = status.lastResult;
    return [{ id: check.id, service: check.service, state: displayState(status), error: last?.error, fields: last?.fields }];
  });
  const lag = (cockpit.lag?.store.get().groups ?? []).map((g) => ({
    group: g.groupId, totalLag: g.totalLag, level: g.error ? 'error' : g.level,
    timeLagSeconds: g.timeLagMs === undefined ? undefined : g.timeLagMs / 1000, reportedLagSeconds: g.reportedLagSeconds,
  }));
  const latency = (cockpit.latency?.store.get().rows ?? []).flatMap((row) => (row.stats ? [{
    service: row.service, p95Ms: Number.isNaN(row.stats.p95) ? undefined : row.stats.p95 * 1000,
    errorPercent: Number.isNaN(row.stats.errorRate) ? undefined : row.stats.errorRate * 100, breaches: [],
  }] : []));
  const app = cockpit.state.get();
  const containers = app.instances.map((i) => {
    const stats = app.stats.get(i.id);
    const memoryPercent = stats?.memBytes !== undefined && stats.memLimit ? (stats.memBytes / stats.memLimit) * 100 : undefined;
    return { service: i.service, state: i.state, health: i.health, memoryPercent };
  });
  return { checks, lag, latency, containers };
}

export function currentOffers(cockpit: Cockpit): Offer[] {
  const library = cockpit.runbooks?.library;
  if (!library) return [];
  return matchSignals([...library.runbooks.values()].map((l) => l.runbook), liveSnapshot(cockpit));
}

/** The offers, recomputed when a live store changes (each store batches its own updates). */
export function useOffers(): Offer[] {
  const [offers, setOffers] = useState<Offer[]>([]);
  const cockpit = useCockpit();
  useEffect(() => {
    if (!cockpit.runbooks) return;
    const update = () => setOffers((before) => {
      const next = currentOffers(cockpit);
      return JSON.stringify(next) === JSON.stringify(before) ? before : next;
    });
    update();
    const stores = [cockpit.health?.store, cockpit.lag?.store, cockpit.latency?.store, cockpit.state].filter((s) => s !== undefined);
    const offs = stores.map((store) => store.subscribe(update));
    return () => offs.forEach((off) => off());
  }, [cockpit]);
  return offers;
}

