import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { checkSpecsSchema } from '../src/checks/schema';
import { parseExpectation } from '../src/checks/json-expectation';
import { checkExpectation } from '../src/checks/json-evaluate';
import { EnvRefError, expandEnvRefs } from '../src/checks/env-refs';

const SEED_CHECKS = `
- name: api
  type: http
  url: http://localhost:8000/health
  interval: 5s
  timeout: 2s
  json: ["status in [healthy, ok]", "model_loaded == true"]
  fields: [model_version]
- name: prometheus
  type: http
  url: http://localhost:9090/-/healthy
- name: redis
  type: tcp
  host: localhost
  port: 6379
  send: PING
  expect: "+PONG"
- name: postgres
  type: postgres
  user: mlflow
  password: \${POSTGRES_PASSWORD}
  timeout: 1500
- name: kafka
  type: exec
  command: docker
  args: [exec, kafka, kafka-broker-api-versions, --bootstrap-server, localhost:9092]
  timeout: 1m
- name: api-container
  type: docker
  container: volatility-api
`;

function issues(input: unknown): string[] {
  const parsed = checkSpecsSchema.safeParse(input);
  return parsed.success ? [] : parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
}

describe('check config', () => {
  it('validates the seed stack checks, with defaults and durations in ms', () => {
    const specs = checkSpecsSchema.parse(parseYaml(SEED_CHECKS));
    expect(specs.map((s) => s.type)).toEqual(['http', 'http', 'tcp', 'postgres', 'exec', 'docker']);
    expect(specs[0]).toMatchObject({ interval: 5000, timeout: 2000, method: 'GET', max_redirects: 5, max_body_bytes: 1 << 20, expect_status: [] });
    expect(specs[1]).toMatchObject({ interval: 15_000, timeout: 5000, json: [] });
    expect(specs[3]).toMatchObject({ host: '127.0.0.1', port: 5432, database: 'postgres', password: '${POSTGRES_PASSWORD}', timeout: 1500 });
    expect(specs[4].timeout).toBe(60_000);
  });

  it('rejects unknown keys, bad durations, bad expectations and duplicate names', () => {
    expect(issues([{ name: 'a', type: 'tcp', host: 'h', port: 1, sned: 'PING' }])).toEqual([expect.stringMatching(/^0: Unrecognized key.*"sned"/)]);
    expect(issues([{ name: 'a', type: 'tcp', host: 'h', port: 1, timeout: '2 sec' }])).toEqual(['0.timeout: expected a duration like 500ms, 2s or 1m, got "2 sec"']);
    expect(issues([{ name: 'a', type: 'http', url: 'http://x/health', json: ['model_loaded = true'] }]))
      .toEqual([expect.stringMatching(/^0\.json\.0: bad expectation "model_loaded = true": expected an operator/)]);
    expect(issues([{ name: 'a', type: 'http', url: 'http://x' }, { name: 'a', type: 'tcp', host: 'h', port: 1 }]))
      .toEqual(['1.name: duplicate check name "a"']);
    expect(issues([{ name: 'a', type: 'smtp' }])).toHaveLength(1);
  });
});

describe('JSON expectations', () => {
  const check = (source: string, body: unknown) => checkExpectation(body, parseExpectation(source));

  it('compares booleans, strings, lists, null and numbers along dotted paths', () => {
    const body = { status: 'healthy', model_loaded: true, model: { version: 'v7', replicas: [{ ready: 3 }] }, note: null };
    expect(check('model_loaded == true', body)).toBeUndefined();
    expect(check('status in [healthy, "ok"]', body)).toBeUndefined();
    expect(check('status != unhealthy', body)).toBeUndefined();
    expect(check('note == null', body)).toBeUndefined();
    expect(check('model.replicas[0].ready >= 3', body)).toBeUndefined();
    expect(check('model.version == v8', body)).toBe('model.version was "v7" (expected == v8)');
    expect(check('status in [ok, up]', body)).toBe('status was "healthy" (expected in [ok, up])');
    expect(check('model.replicas[0].ready < 2', body)).toBe('model.replicas[0].ready was 3 (expected < 2)');
    expect(check('status > 2', body)).toBe('status was "healthy" (expected > 2)');
  });

  it('explains what is wrong with a malformed expectation', () => {
    const error = (source: string) => { try { parseExpectation(source); return ''; } catch (err) { return (err as Error).message; } };
    expect(error('== true')).toMatch(/expected a field path/);
    expect(error('status ~= ok')).toMatch(/expected an operator \(==, !=, <=, >=, <, >, in\) after "status"/);
    expect(error('status in healthy')).toMatch(/"in" needs a list/);
    expect(error('latency < fast')).toMatch(/"<" compares numbers, got fast/);
    expect(error('status ==')).toMatch(/expected a value after "=="/);
    expect(error('status == "ok')).toMatch(/unclosed quote/);
  });
});

describe('environment references', () => {
  it('expands ${NAME} and ${NAME:-fallback}', () => {
    expect(expandEnvRefs('postgres://${U}@db/${DB:-mlflow}', { U: 'ops' }, 'url')).toBe('postgres://ops@db/mlflow');
    expect(expandEnvRefs('no refs', {}, 'x')).toBe('no refs');
  });

  it('names the missing variable and the setting, never a value', () => {
    expect(() => expandEnvRefs('${PGPASSWORD}', {}, 'password')).toThrow(new EnvRefError('password: environment variable PGPASSWORD is not set'));
    expect(() => expandEnvRefs('${BAD NAME}', {}, 'password')).toThrow(/no valid environment variable name/);
    expect(() => expandEnvRefs('abc${OPEN', {}, 'password')).toThrow(/without a closing/);
  });
});
