// One HTTP request, e.g. POST /admin/reload; fails unless the status is accepted.
import type { ActionOf } from '../schema';
import type { ActionExecutor } from '../engine/types';
import { renderRequest, statusAccepted, tail } from './render';

export const httpExecutor: ActionExecutor<ActionOf<'http'>> = {
  render: (a) => `send HTTP ${renderRequest(a.method, a.url, a.headers, a.body)}`,
  async run(a, ctx) {
    // Loaded on first use: the cockpit's views import the executors to describe steps, and the
    // client library would otherwise load before every first frame.
    const { request } = await import('undici');
    const response = await request(a.url, { method: a.method, headers: a.headers, body: a.body, signal: ctx.signal });
    const text = tail(await response.body.text(), 500);
    if (!statusAccepted(response.statusCode, a.status)) throw new Error(`${a.method} ${a.url} answered HTTP ${response.statusCode}${text ? `: ${tail(text, 200)}` : ''}`);
    return { summary: `${a.method} ${a.url} answered HTTP ${response.statusCode}`, output: text };
  },
};
