import { describe, it, expect } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseConfig, loadConfigFile, ConfigError } from '../src/config/load';

function problems(text: string): string[] {
  try {
    parseConfig(text, 'opsdeck.yaml');
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  throw new Error('expected the config to be rejected');
}

describe('config loading', () => {
  it('fills defaults for an empty file', () => {
    const config = parseConfig('', 'opsdeck.yaml');
    expect(config.refresh).toBe(2000);
    expect(config.logs.buffer).toBe(5000);
    expect(config.read_only).toBe(false);
  });

  it('reads durations and nested settings', () => {
    const config = parseConfig('refresh: 500ms\nlogs:\n  buffer: 100\n  exclude: [grafana]\n', 'opsdeck.yaml');
    expect(config.refresh).toBe(500);
    expect(config.logs.buffer).toBe(100);
    expect(config.logs.exclude).toEqual(['grafana']);
  });

  it('names file, line and column of an unknown key and lists the allowed ones', () => {
    const [problem] = problems('docker:\n  host: unix:///tmp/d.sock\nlogs:\n  tail: 10\n  bufer: 20\n');
    expect(problem).toBe('opsdeck.yaml:5:3: unknown key "bufer" in logs; expected one of: tail, buffer, buffer_bytes, max_line_bytes, include, exclude, timestamps, wrap');
  });

  it('points at the value of a wrong type and says what was expected', () => {
    const [problem] = problems('logs:\n  buffer: lots\n');
    expect(problem).toMatch(/^opsdeck\.yaml:2:11: logs\.buffer: expected lines kept per service/);
    expect(problem).toContain('"lots"');
  });

  it('rejects a bad duration and a bad docker host with their positions', () => {
    const found = problems('refresh: soon\ndocker:\n  host: /var/run/docker.sock\n');
    expect(found).toHaveLength(2);
    expect(found[0]).toMatch(/^opsdeck\.yaml:1:10: refresh: expected a duration like 500ms, 2s or 1m, got "soon"/);
    expect(found[1]).toMatch(/^opsdeck\.yaml:3:9: docker\.host: expected a Docker host like unix:\/\//);
  });

  it('reports YAML syntax errors with their position', () => {
    const [problem] = problems('logs:\n  tail: 10\n    buffer: 5\n');
    expect(problem).toMatch(/^opsdeck\.yaml:2:9: Nested mappings are not allowed/);
  });

  it('names a file it cannot read', () => {
    const dir = mkdtempSync(join(tmpdir(), 'opsdeck-config-'));
    expect(() => loadConfigFile(join(dir, 'missing.yaml'))).toThrow(/missing\.yaml: cannot read config/);
    writeFileSync(join(dir, 'ok.yaml'), 'project: ml\n');
    expect(loadConfigFile(join(dir, 'ok.yaml')).project).toBe('ml');
  });
});
