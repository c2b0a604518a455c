// How a new task is built from its service, in one place for every orchestrator: it
// carries a copy of the service's task template and spec version (so a later service
// update can tell it apart), the service's endpoint, and a name users recognise
// (`web.3.<task id>` for slot 3 of web, `web.<node id>.<task id>` for a global task).
import type { Service, Task, TaskState } from '../api-types';

export interface NewTaskOptions {
  id: string;
  now: number;
  /** 1..N for replicated services and jobs, 0 for global ones. */
  slot: number;
  /** Set for global services and jobs: the node the task is for. */
  nodeId?: string;
  /** NEW when an allocator will take it from there, PENDING to go to the scheduler. */
  initialState: 'NEW' | 'PENDING';
}

export function isJob(service: Service): boolean {
  const mode = service.spec?.mode;
  return mode === 'replicatedJob' || mode === 'globalJob';
}

export function newTask(service: Service, opts: NewTaskOptions): Task {
  const spec = service.spec!;
  const name = spec.annotations?.name ?? service.id;
  // Jobs run to completion; services run until told otherwise.
  const desiredState: TaskState = isJob(service) ? 'COMPLETE' : 'RUNNING';
  return {
    id: opts.id,
    meta: null,
    spec: spec.task,
    specVersion: service.specVersion,
    serviceId: service.id,
    slot: opts.slot,
    nodeId: opts.nodeId ?? '',
    annotations: {
      // Unique per task, as Swarm's: it names the container, and during an update (or a
      // restart) the old and new containers of one slot exist side by side.
      name: `${name}.${opts.nodeId || opts.slot}.${opts.id}`,
      labels: {},
    },
    serviceAnnotations: spec.annotations,
    status: {
      timestamp: opts.now,
      state: opts.initialState,
      message: 'created',
      err: '',
      container: null,
      portStatus: null,
    },
    desiredState,
    networks: [],
    endpoint: service.endpoint ?? (spec.endpoint ? { spec: spec.endpoint, ports: [], virtualIps: [] } : null),
    jobIteration: service.jobIteration,
  };
}
