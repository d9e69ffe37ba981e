// An HTTP check: status, JSON expectations (`model_loaded == true`) and body text.
import { request } from 'undici';
import type { HttpProbe } from '../schema-probe';
import type { ProbeOutcome } from '../engine/types';
import { parseExpectation } from '../../checks/json-expectation';
import { checkExpectation } from '../../checks/json-evaluate';
import { statusAccepted } from '../executors/render';

export async function probeHttp(probe: HttpProbe, signal: AbortSignal): Promise<ProbeOutcome> {
  const response = await request(probe.url, { method: probe.method, headers: probe.headers, body: probe.body, signal });
  const text = await response.body.text();
  const problems: string[] = [];
  if (!statusAccepted(response.statusCode, probe.status)) problems.push(`HTTP ${response.statusCode}`);
  let fields: Record<string, string> | undefined;
  if (probe.json.length) {
    let body: unknown;
    try {
      body = JSON.parse(text);
      if (body && typeof body === 'object') fields = Object.fromEntries(Object.entries(body).filter(([, v]) => typeof v !== 'object').map(([k, v]) => [k, String(v)]));
    } catch {
      problems.push('the body is not JSON');
    }
    if (body !== undefined) for (const source of probe.json) {
      const miss = checkExpectation(body, parseExpectation(source));
      if (miss) problems.push(miss);
    }
  }
  if (probe.contains !== undefined && !text.includes(probe.contains)) problems.push(`the body lacks ${JSON.stringify(probe.contains)}`);
  if (problems.length) return { pass: false, summary: `${probe.url}: ${problems.join('; ')}`, fields };
  return { pass: true, summary: `${probe.url}: HTTP ${response.statusCode}${probe.json.length ? `, ${probe.json.join(', ')}` : ''}`, fields };
}
