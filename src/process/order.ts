// Start order from depends_on: dependencies first, ties in definition order. Shutdown is the
// reverse. A cycle is an error naming the services in it.
import type { ServiceDef } from './config-schema';

export function startOrder(services: ServiceDef[]): ServiceDef[] {
  const byName = new Map(services.map((s) => [s.name, s]));
  const done = new Set<string>();
  const visiting: string[] = [];
  const order: ServiceDef[] = [];
  const visit = (service: ServiceDef) => {
    if (done.has(service.name)) return;
    if (visiting.includes(service.name)) {
      throw new Error(`depends_on cycle: ${[...visiting.slice(visiting.indexOf(service.name)), service.name].join(' → ')}`);
    }
    visiting.push(service.name);
    for (const dep of service.depends_on) {
      const target = byName.get(dep);
      if (!target) throw new Error(`${service.name} depends on unknown service ${dep}`);
      visit(target);
    }
    visiting.pop();
    done.add(service.name);
    order.push(service);
  };
  services.forEach(visit);
  return order;
}
