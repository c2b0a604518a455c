// Registry credentials in specs (`--with-registry-auth`): they are stored with the service
// and travel with its tasks to the agents that run them, but the control API never hands
// them back out (docker's `service inspect` does not show them either). A spec sent
// without credentials keeps the stored ones, as docker's `service update` does, so that
// reading a service and writing it back does not drop them.
import type { Service, ServiceSpec, Task, TaskSpec } from '../api-types';

function taskSpecWithout(spec: TaskSpec | null | undefined): TaskSpec | null | undefined {
  if (!spec?.container?.pullOptions) return spec;
  return { ...spec, container: { ...spec.container, pullOptions: null } };
}

function serviceSpecWithout(spec: ServiceSpec | null): ServiceSpec | null {
  if (!spec?.task?.container?.pullOptions) return spec;
  return { ...spec, task: taskSpecWithout(spec.task) as TaskSpec };
}

/** A copy of the service as the control API shows it: no credentials in its specs. */
export function serviceWithoutAuth(s: Service): Service {
  return { ...s, spec: serviceSpecWithout(s.spec), previousSpec: serviceSpecWithout(s.previousSpec) };
}

/** A copy of the task as the control API shows it: no credentials in its spec. */
export function taskWithoutAuth(t: Task): Task {
  if (!t.spec?.container?.pullOptions) return t;
  return { ...t, spec: taskSpecWithout(t.spec) as TaskSpec };
}

/** `next` with the credentials of `stored` when it brings none of its own. */
export function keepRegistryAuth(next: ServiceSpec, stored: ServiceSpec | null | undefined): ServiceSpec {
  const kept = stored?.task?.container?.pullOptions;
  const container = next.task?.container;
  if (!kept?.registryAuth || !container || container.pullOptions?.registryAuth) return next;
  return { ...next, task: { ...next.task!, container: { ...container, pullOptions: kept } } };
}
