import { request } from 'undici';
import type { CheckResult, HttpCheckSpec, ProbeContext } from './types';
import { sharedAgent } from './http-agent';
import { BodyTooLargeError, readCappedBody } from './http-body';
import { deadline, type Deadline } from './deadline';
import { describeNetworkError, timeoutInWords } from './network-errors';
import { judgeJsonBody } from './http-json';
import { durationInWords, messageOf } from './words';

interface FinalResponse {
  status: number;
  contentType: string;
  body: Buffer;
}

class ProbeFailure extends Error {}

/** GETs (or HEADs/POSTs) the URL and judges status, body size and JSON expectations. Never throws. */
export async function probeHttp(spec: HttpCheckSpec, ctx: ProbeContext): Promise<CheckResult> {
  const started = performance.now();
  const time = deadline(ctx.signal, spec.timeout);
  const host = safeHost(spec.url);
  let response: FinalResponse;
  try {
    response = await fetchFollowingRedirects(spec, time);
  } catch (err) {
    const latencyMs = performance.now() - started;
    let error: string;
    if (time.timedOut()) error = timeoutInWords(spec.timeout);
    else if (ctx.signal.aborted) error = 'cancelled';
    else if (err instanceof ProbeFailure || err instanceof BodyTooLargeError) error = err.message;
    else error = describeNetworkError(err, host);
    return { state: 'down', latencyMs, error, at: Date.now() };
  }
  const latencyMs = performance.now() - started;
  const judged = judgeJsonBody(spec, response);
  const statusOk = spec.expect_status.length > 0
    ? spec.expect_status.includes(response.status)
    : response.status >= 200 && response.status < 300;
  const base = { latencyMs, at: Date.now(), ...(judged.fields && { fields: judged.fields }) };
  if (!statusOk) {
    const reason = judged.detail ? `HTTP ${response.status}: ${judged.detail}` : `HTTP ${response.status}`;
    return { ...base, state: 'down', error: reason };
  }
  if (judged.error) return { ...base, state: 'down', error: judged.error };
  if (spec.slow_after !== undefined && latencyMs > spec.slow_after) {
    return { ...base, state: 'degraded', error: `slow: ${durationInWords(latencyMs)} (over ${durationInWords(spec.slow_after)})` };
  }
  return { ...base, state: 'ok' };
}

async function fetchFollowingRedirects(spec: HttpCheckSpec, time: Deadline): Promise<FinalResponse> {
  let url = spec.url;
  let method = spec.method;
  let body = spec.body;
  const visited = [url];
  for (;;) {
    const res = await request(url, {
      dispatcher: sharedAgent(),
      method,
      headers: spec.headers,
      body: method === 'GET' || method === 'HEAD' ? undefined : body,
      signal: time.signal,
    });
    const location = res.headers.location;
    if (res.statusCode >= 300 && res.statusCode < 400 && typeof location === 'string') {
      await res.body.dump().catch(() => undefined);
      const next = resolveLocation(location, url);
      if (visited.includes(next)) throw new ProbeFailure(`redirect loop: ${[...visited, next].join(' -> ')}`);
      if (visited.length > spec.max_redirects) {
        throw new ProbeFailure(`more than ${spec.max_redirects} redirects (last to ${next})`);
      }
      visited.push(next);
      url = next;
      if (res.statusCode === 303) {
        method = 'GET';
        body = undefined;
      }
      continue;
    }
    const contentType = String(res.headers['content-type'] ?? '');
    const bytes = method === 'HEAD'
      ? Buffer.alloc(0)
      : await readCappedBody(res.body, spec.max_body_bytes, res.headers['content-length']);
    return { status: res.statusCode, contentType, body: bytes };
  }
}

function resolveLocation(location: string, base: string): string {
  try {
    return new URL(location, base).toString();
  } catch (err) {
    throw new ProbeFailure(`redirect to an invalid location ${JSON.stringify(location)} (${messageOf(err)})`);
  }
}

function safeHost(url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    return url;
  }
}
