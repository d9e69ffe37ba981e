// Generates N requests of traffic (the seed's "generate some predictions" loop), a few at a time.
import type { ActionOf } from '../schema';
import type { ActionExecutor } from '../engine/types';
import { renderRequest } from './render';

export const loadExecutor: ActionExecutor<ActionOf<'load'>> = {
  render: (a) => `send ${a.count} requests, ${a.concurrency} at a time: ${renderRequest(a.method, a.url, a.headers, a.body)}`,
  async run(a, ctx) {
    // Loaded on first use, as in http.ts: the views import the executors to describe steps.
    const { request } = await import('undici');
    const count = Number(a.count);
    const statuses = new Map<string, number>();
    let next = 0;
    const started = performance.now();
    const worker = async () => {
      while (next < count && !ctx.signal.aborted) {
        next++;
        let key: string;
        try {
          const response = await request(a.url, { method: a.method, headers: a.headers, body: a.body, signal: ctx.signal });
          await response.body.dump();
          key = `HTTP ${response.statusCode}`;
        } catch (error) {
          key = (error as NodeJS.ErrnoException).code ?? (error as Error).name;
        }
        statuses.set(key, (statuses.get(key) ?? 0) + 1);
      }
    };
    await Promise.all(Array.from({ length: Math.min(Number(a.concurrency), count) }, worker));
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    const tally = [...statuses].sort().map(([key, n]) => `${n} × ${key}`).join(', ');
    const sent = [...statuses.values()].reduce((sum, n) => sum + n, 0);
    const ok = [...statuses].filter(([key]) => /^HTTP 2\d\d$/.test(key)).reduce((sum, [, n]) => sum + n, 0);
    const summary = `${sent} of ${count} requests to ${a.url} in ${seconds} s: ${tally || 'none sent'}`;
    if (ok === 0) throw new Error(summary);
    return { summary };
  },
};
