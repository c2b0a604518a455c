// A complete Task (every field the generated __Output type requires) with overrides,
// for the executor's unit and integration tests.
import type { Task } from '../../../manager/api-types';
import type { ContainerSpec__Output } from '../../../proto/gen/shoal/api/ContainerSpec';
import type { TaskSpec__Output } from '../../../proto/gen/shoal/api/TaskSpec';

export function containerSpec(over: Partial<ContainerSpec__Output> = {}): ContainerSpec__Output {
  return {
    image: 'busybox:1',
    labels: {},
    command: [],
    args: [],
    env: [],
    hostname: '',
    user: '',
    groups: [],
    dir: '',
    tty: false,
    openStdin: false,
    readOnly: false,
    mounts: [],
    healthcheck: null,
    stopSignal: '',
    stopGracePeriodNs: 0,
    secrets: [],
    configs: [],
    hosts: [],
    dnsNameservers: [],
    init: false,
    pullOptions: null,
    ...over,
  };
}

export interface MakeTask {
  id?: string;
  serviceId?: string;
  serviceName?: string;
  serviceLabels?: Record<string, string>;
  slot?: number;
  nodeId?: string;
  container?: Partial<ContainerSpec__Output>;
  spec?: Partial<TaskSpec__Output>;
  task?: Partial<Task>;
}

export function makeTask(o: MakeTask = {}): Task {
  const spec: TaskSpec__Output = {
    container: containerSpec(o.container),
    resources: null,
    restart: null,
    placement: null,
    networks: [],
    forceUpdate: 0,
    ...o.spec,
  };
  return {
    id: o.id ?? 'task1',
    meta: null,
    spec,
    specVersion: 1,
    serviceId: o.serviceId ?? 'svc1',
    slot: o.slot ?? 1,
    nodeId: o.nodeId ?? 'node1',
    annotations: null,
    serviceAnnotations: { name: o.serviceName ?? 'web', labels: o.serviceLabels ?? {} },
    status: { timestamp: 0, state: 'ASSIGNED', message: '', err: '', container: null, portStatus: null },
    desiredState: 'RUNNING',
    networks: [],
    endpoint: null,
    jobIteration: 0,
    ...o.task,
  };
}
