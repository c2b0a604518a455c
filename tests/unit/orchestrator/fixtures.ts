// Builders for plain cluster objects in the exact store shape, so plan tests read like
// the situation they describe.
import type { Node, Service, Task } from '../../../manager/api-types';
import { normalize } from '../../../manager/store';
import type { NodeLookup, PlanContext } from '../../../manager/orchestrator';

export const T0 = 1_700_000_000_000;

export function node(id: string, extra: Record<string, unknown> = {}): Node {
  const { labels, state, availability, role, os, arch, cpus, memory, engineLabels, hostname } = extra as {
    labels?: Record<string, string>;
    state?: string;
    availability?: string;
    role?: string;
    os?: string;
    arch?: string;
    cpus?: number;
    memory?: number;
    engineLabels?: Record<string, string>;
    hostname?: string;
  };
  return normalize<Node>('nodes', {
    id,
    meta: { version: 1 },
    role: role ?? 'worker',
    spec: { annotations: { labels: labels ?? {} }, availability: availability ?? 'ACTIVE' },
    description: {
      hostname: hostname ?? `host-${id}`,
      platform: { os: os ?? 'linux', architecture: arch ?? 'amd64' },
      resources: { nanoCpus: cpus ?? 4e9, memoryBytes: memory ?? 8e9 },
      engine: { labels: engineLabels ?? {} },
    },
    status: { state: state ?? 'READY' },
  });
}

export function service(
  id: string,
  spec: Record<string, unknown> = {},
  extra: Record<string, unknown> = {},
): Service {
  return normalize<Service>('services', {
    id,
    meta: { version: 10, createdAt: T0, updatedAt: T0 },
    specVersion: 1,
    spec: {
      annotations: { name: id },
      task: { container: { image: 'busybox' }, ...((spec.task as object) ?? {}) },
      ...(spec.mode ? {} : { replicated: { replicas: 3 } }),
      ...Object.fromEntries(Object.entries(spec).filter(([k]) => k !== 'task' && k !== 'mode')),
    },
    ...extra,
  });
}

let seq = 0;
export function task(svc: Service, extra: Record<string, unknown> = {}): Task {
  const { state, desired, at, ...rest } = extra as { state?: string; desired?: string; at?: number };
  seq++;
  return normalize<Task>('tasks', {
    id: `t${seq}`,
    meta: { version: seq, createdAt: at ?? T0 + seq, updatedAt: at ?? T0 + seq },
    serviceId: svc.id,
    specVersion: svc.specVersion,
    spec: svc.spec!.task,
    desiredState: desired ?? (svc.spec?.mode?.endsWith('Job') ? 'COMPLETE' : 'RUNNING'),
    status: { state: state ?? 'RUNNING', timestamp: at ?? T0 + seq },
    jobIteration: svc.jobIteration,
    ...rest,
  });
}

export function lookup(nodes: Node[]): NodeLookup {
  const m = new Map(nodes.map((n) => [n.id, n]));
  return { get: (id) => m.get(id), list: () => m.values() };
}

export function ctx(extra: Partial<PlanContext> = {}): PlanContext {
  let n = 0;
  return {
    now: T0 + 100_000,
    newId: () => `new${++n}`,
    historyLimit: 5,
    initialState: 'PENDING',
    orphanAfterMs: 24 * 3600_000,
    ...extra,
  };
}
