import { describe, it, expect } from 'vitest';
import { sortInstances } from '../src/store/app-state';
import type { Instance } from '../src/runtime/types';

const instance = (name: string, service: string, project?: string): Instance =>
  ({ id: name, name, service, project, image: 'busybox', state: 'running', restarts: 0, ports: [], tty: false });

describe('the order instances are listed in', () => {
  it('is project, service, then name; case-blind; instances of no project last', () => {
    const listed = sortInstances([
      instance('loose', 'loose'),
      instance('shop-worker-1', 'Worker', 'shop'),
      instance('shop-api-2', 'api', 'shop'),
      instance('billing-db-1', 'db', 'billing'),
      instance('shop-api-1', 'api', 'shop'),
      instance('shop-Cache-1', 'cache', 'shop'),
    ]);
    expect(listed.map((i) => i.name)).toEqual(['billing-db-1', 'shop-api-1', 'shop-api-2', 'shop-Cache-1', 'shop-worker-1', 'loose']);
  });
});
