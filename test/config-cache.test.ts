import { describe, it, expect } from 'vitest';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigCache } from '../src/config/config-cache';
import { parseConfig } from '../src/config/load';
import { opsdeck } from './harness/cli';

const TEXT = 'project: shop\nrefresh: 1s\nlogs:\n  buffer: 300\n';
const fresh = () => mkdtempSync(join(tmpdir(), 'opsdeck-config-cache-'));

describe('the config cache', () => {
  it('gives back a validated config only for the same file, text and build', () => {
    const dir = fresh();
    const config = parseConfig(TEXT, '/etc/opsdeck.yaml');
    new ConfigCache(dir, 'build-a').write('/etc/opsdeck.yaml', TEXT, config);
    expect(new ConfigCache(dir, 'build-a').read('/etc/opsdeck.yaml', TEXT)).toEqual(config);
    expect(new ConfigCache(dir, 'build-a').read('/etc/opsdeck.yaml', `${TEXT}# edited\n`)).toBeUndefined();
    expect(new ConfigCache(dir, 'build-a').read('/srv/opsdeck.yaml', TEXT)).toBeUndefined();
    expect(new ConfigCache(dir, 'build-b').read('/etc/opsdeck.yaml', TEXT)).toBeUndefined();
  });

  it('keeps no config whose key bindings depend on the runbooks on disk', () => {
    const dir = fresh();
    const config = { ...parseConfig(TEXT, 'x.yaml'), keys: { R: { runbook: 'restart-service', params: {} } } };
    new ConfigCache(dir, 'b').write('/x.yaml', TEXT, config);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('treats a damaged entry as none, and a cache it cannot write as no cache', () => {
    const dir = fresh();
    const cache = new ConfigCache(dir, 'b');
    cache.write('/x.yaml', TEXT, parseConfig(TEXT, 'x.yaml'));
    const [entry] = readdirSync(dir);
    writeFileSync(join(dir, entry), '{"build":"b","file":"/x.y');
    expect(cache.read('/x.yaml', TEXT)).toBeUndefined();
    const blocked = join(fresh(), 'file');
    writeFileSync(blocked, '');
    expect(() => new ConfigCache(join(blocked, 'sub'), 'b').write('/x.yaml', TEXT, parseConfig(TEXT, 'x.yaml'))).not.toThrow();
  });

  it('the built cockpit keeps what it validated, and an edited config is validated again', () => {
    const cacheHome = fresh();
    const file = join(fresh(), 'opsdeck.yaml');
    writeFileSync(file, TEXT);
    // Without a terminal the cockpit stops after reading its settings: enough to fill the cache.
    expect(opsdeck(['-c', file], { XDG_CACHE_HOME: cacheHome }).stderr).toMatch(/needs a terminal/);
    const [entry] = readdirSync(join(cacheHome, 'opsdeck/config'));
    const kept = JSON.parse(readFileSync(join(cacheHome, 'opsdeck/config', entry), 'utf8'));
    expect(kept.file).toBe(file);
    expect(kept.config).toEqual(parseConfig(TEXT, file));

    writeFileSync(file, 'project: shop\nlogs:\n  buffer: -5\n');
    const { code, stderr } = opsdeck(['-c', file], { XDG_CACHE_HOME: cacheHome });
    expect(code).toBe(2);
    expect(stderr).toBe(`opsdeck: ${file}:3:11: logs.buffer: expected lines kept per service above 0, got -5\n`);
  });
});
