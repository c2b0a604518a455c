// Control API: services. Writes only the service object; the orchestrators on the leader
// turn it into tasks. A spec is checked in full before anything is written, and every
// error names the spec field, so bad input changes nothing.
import * as grpc from '@grpc/grpc-js';
import type { GetServiceRequest__Output } from '../../proto/gen/shoal/api/GetServiceRequest';
import type { ListServicesRequest__Output } from '../../proto/gen/shoal/api/ListServicesRequest';
import type { CreateServiceRequest__Output } from '../../proto/gen/shoal/api/CreateServiceRequest';
import type { UpdateServiceRequest__Output } from '../../proto/gen/shoal/api/UpdateServiceRequest';
import type { RemoveServiceRequest__Output } from '../../proto/gen/shoal/api/RemoveServiceRequest';
import type { Service, ServiceSpec, Task } from '../api-types';
import { statusError } from '../ca';
import type { ManagerContext } from '../context';
import { validatePlacement } from '../constraints/placement';
import { isWanted, stateOf } from '../orchestrator/task-state';
import { translateRaftError } from '../errors';
import { StoreError } from '../store';
import { labelsMatch, resolveByRef } from './resolve';
import { keepRegistryAuth, serviceWithoutAuth } from './registry-auth';
import type { ControlMethods } from './server';

// Docker's rule for service names (they become DNS names and container name prefixes).
const NAME_RE = /^[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?$/;
const MODES = ['replicated', 'global', 'replicatedJob', 'globalJob'] as const;

const invalid = (msg: string): Error => statusError(grpc.status.INVALID_ARGUMENT, msg);

/** Checks a spec and returns it with its mode made explicit; throws naming the field. */
export function checkServiceSpec(spec: ServiceSpec | null): ServiceSpec {
  if (!spec) throw invalid('spec: required');
  const name = spec.annotations?.name ?? '';
  if (!name) throw invalid('spec.annotations.name: required');
  if (!NAME_RE.test(name))
    throw invalid(
      `spec.annotations.name: "${name}" is not a valid name (letters, digits and "-", at most 63, not starting or ending with "-")`,
    );
  const c = spec.task?.container;
  if (!c?.image?.trim()) throw invalid('spec.task.container.image: required');
  for (const e of c.env ?? [])
    if (!/^[^=\s]+=/.test(e)) throw invalid(`spec.task.container.env: "${e}" must look like KEY=value`);
  if (Number(c.stopGracePeriodNs) < 0) throw invalid('spec.task.container.stop_grace_period: must be >= 0');
  const mode = spec.mode ?? 'replicated';
  if (!MODES.includes(mode)) throw invalid(`spec.mode: unknown mode "${String(mode)}"`);
  const restart = spec.task?.restart;
  if (restart && (Number(restart.delayNs) < 0 || Number(restart.windowNs) < 0))
    throw invalid('spec.task.restart: delay and window must be >= 0');
  try {
    validatePlacement(spec.task?.placement);
  } catch (err) {
    throw invalid(`spec.${(err as Error).message}`);
  }
  for (const key of ['update', 'rollback'] as const) {
    const u = spec[key];
    if (!u) continue;
    if (Number(u.parallelism) < 0) throw invalid(`spec.${key}.parallelism: must be >= 0`);
    if (Number(u.delayNs) < 0) throw invalid(`spec.${key}.delay: must be >= 0`);
    if (Number(u.monitorNs) < 0) throw invalid(`spec.${key}.monitor: must be >= 0`);
    if (!(Number(u.maxFailureRatio) >= 0 && Number(u.maxFailureRatio) <= 1))
      throw invalid(`spec.${key}.max_failure_ratio: must be between 0 and 1`);
  }
  const seen = new Set<string>();
  for (const p of spec.endpoint?.ports ?? []) {
    if (!(p.targetPort >= 1 && p.targetPort <= 65535))
      throw invalid(`spec.endpoint.ports: target port ${p.targetPort} is out of range 1-65535`);
    if (p.publishedPort > 65535)
      throw invalid(`spec.endpoint.ports: published port ${p.publishedPort} is out of range 1-65535`);
    if (p.publishMode !== 'HOST')
      throw invalid(
        `spec.endpoint.ports: published port ${p.publishedPort || p.targetPort}: ingress publishing (the routing mesh) is not supported yet; use mode=host`,
      );
    const key = `${p.publishedPort}/${p.protocol}`;
    if (p.publishedPort && seen.has(key))
      throw invalid(`spec.endpoint.ports: published port ${key} is given twice`);
    seen.add(key);
  }
  const out = { ...spec, mode };
  if (mode === 'replicated') out.replicated = { replicas: Number(spec.replicated?.replicas ?? 1) };
  if (mode === 'global') out.global = {};
  if (isJobMode(mode)) {
    // Swarm's rule: a job runs each time it is updated, so there is nothing to roll out.
    for (const key of ['update', 'rollback'] as const)
      if (spec[key]) throw invalid(`spec.${key}: jobs (mode ${mode}) take no ${key} config`);
  }
  if (mode === 'replicatedJob') {
    const mc = Number(spec.replicatedJob?.maxConcurrent ?? 0);
    const tc = Number(spec.replicatedJob?.totalCompletions ?? 0);
    // Either one defaults to the other (both unset: one task), as docker's CLI sends them.
    const total = tc || mc || 1;
    out.replicatedJob = { totalCompletions: total, maxConcurrent: Math.min(mc || total, total) };
  }
  if (mode === 'globalJob') out.globalJob = {};
  return out;
}

const isJobMode = (mode: string): boolean => mode === 'replicatedJob' || mode === 'globalJob';

export function findService(ctx: ManagerContext, ref: string): Service {
  const live = ctx.local.list('services').filter((s) => !s.pendingDelete);
  return resolveByRef(live, ref, 'service', (s) => s.spec?.annotations?.name ?? '');
}

/** Store errors a caller can act on, as gRPC statuses naming the service. */
function translate(err: unknown, name: string): unknown {
  if (err instanceof StoreError) {
    if (err.storeCode === 'name-conflict')
      return statusError(
        grpc.status.ALREADY_EXISTS,
        `service ${name}: a service with that name already exists`,
      );
    if (err.storeCode === 'version-conflict')
      return statusError(
        grpc.status.ABORTED,
        `service ${name} changed meanwhile (version conflict); read it again and retry`,
      );
  }
  return translateRaftError(err);
}

/** docker's ServiceStatus: the tasks that should run, and how many of them do. */
export function serviceStatus(
  s: Service,
  tasks: readonly Task[],
): { runningTasks: number; desiredTasks: number } {
  const wanted = tasks.filter(isWanted);
  return {
    runningTasks: wanted.filter((t) => stateOf(t) === 'RUNNING').length,
    desiredTasks:
      (s.spec?.mode ?? 'replicated') === 'replicated'
        ? Number(s.spec?.replicated?.replicas ?? 0)
        : wanted.length,
  };
}

export const serviceMethods: ControlMethods = {
  GetService: async (req: GetServiceRequest__Output, ctx) => ({
    service: serviceWithoutAuth(findService(ctx, req.serviceId)),
  }),

  ListServices: async (req: ListServicesRequest__Output, ctx) => {
    const f = req.filters;
    const common = f?.common;
    const services = ctx.local.list('services').filter((s) => {
      if (s.pendingDelete) return false;
      const name = s.spec?.annotations?.name ?? '';
      if (common?.names.length && !common.names.includes(name)) return false;
      if (common?.namePrefixes.length && !common.namePrefixes.some((p) => name.startsWith(p))) return false;
      if (common?.idPrefixes.length && !common.idPrefixes.some((p) => s.id.startsWith(p))) return false;
      if (
        common &&
        Object.keys(common.labels).length &&
        !labelsMatch(s.spec?.annotations?.labels, common.labels)
      )
        return false;
      if (f?.modes.length && !f.modes.includes(modeFilterName(s))) return false;
      return true;
    });
    if (!req.status) return { services: services.map(serviceWithoutAuth) };
    const statuses = Object.fromEntries(
      services.map((s) => [s.id, serviceStatus(s, ctx.local.tasksByService(s.id))]),
    );
    return { services: services.map(serviceWithoutAuth), statuses };
  },

  CreateService: async (req: CreateServiceRequest__Output, ctx) => {
    const spec = checkServiceSpec(req.spec);
    const name = spec.annotations!.name;
    try {
      const created = await ctx.store.update((tx) => {
        if (tx.services.byName(name))
          throw statusError(
            grpc.status.ALREADY_EXISTS,
            `service ${name}: a service with that name already exists`,
          );
        return tx.services.create({ spec, specVersion: 1 });
      });
      return { service: serviceWithoutAuth(ctx.local.get('services', created.id) ?? created) };
    } catch (err) {
      throw translate(err, name);
    }
  },

  UpdateService: async (req: UpdateServiceRequest__Output, ctx) => {
    const current = findService(ctx, req.serviceId);
    const name = current.spec?.annotations?.name ?? current.id;
    if (req.rollback === 'PREVIOUS' && !current.previousSpec)
      throw statusError(
        grpc.status.FAILED_PRECONDITION,
        `service ${name}: there is no previous spec to roll back to`,
      );
    const spec = keepRegistryAuth(
      checkServiceSpec(req.rollback === 'PREVIOUS' ? current.previousSpec : req.spec),
      current.spec,
    );
    if (spec.mode !== current.spec?.mode)
      throw invalid(`spec.mode: a service's mode cannot change (${current.spec?.mode} -> ${spec.mode})`);
    try {
      const updated = await ctx.store.update((tx) => {
        const s = tx.services.get(current.id);
        if (!s || s.pendingDelete)
          throw statusError(grpc.status.NOT_FOUND, `service ${req.serviceId} not found`);
        if (req.serviceVersion && s.meta && s.meta.version !== req.serviceVersion)
          throw statusError(
            grpc.status.ABORTED,
            `update out of sequence: service ${name} is at version ${s.meta.version}, the change was made against version ${req.serviceVersion}; read it again and retry`,
          );
        s.previousSpec = s.spec;
        s.spec = spec;
        if (isJobMode(spec.mode ?? '')) {
          // As Swarm: every update of a job runs it again; the orchestrator stops what
          // still runs of the previous run and starts the new one.
          if (JSON.stringify(taskPart(s.previousSpec)) !== JSON.stringify(taskPart(spec)))
            s.specVersion = Number(s.specVersion) + 1;
          s.jobIteration = Number(s.jobIteration ?? 0) + 1;
          return tx.services.update(s);
        }
        // Tasks record the version they came from; a new version makes the orchestrator replace them.
        if (JSON.stringify(taskPart(s.previousSpec)) !== JSON.stringify(taskPart(spec))) {
          s.specVersion = Number(s.specVersion) + 1;
          // The orchestrator's updater rolls the tasks over and moves this status on.
          const rollback = req.rollback === 'PREVIOUS';
          s.updateStatus = {
            state: rollback ? 'ROLLBACK_STARTED' : 'UPDATING',
            startedAt: Date.now(),
            completedAt: 0,
            message: rollback ? 'manually requested rollback' : 'update in progress',
          };
        }
        return tx.services.update(s);
      });
      return { service: serviceWithoutAuth(ctx.local.get('services', updated.id) ?? updated) };
    } catch (err) {
      throw translate(err, name);
    }
  },

  RemoveService: async (req: RemoveServiceRequest__Output, ctx) => {
    const current = findService(ctx, req.serviceId);
    try {
      await ctx.store.update((tx) => {
        const s = tx.services.get(current.id);
        if (!s) return;
        if (tx.tasks.byIndex('service', s.id).length === 0) {
          tx.services.delete(s.id);
          return;
        }
        // The orchestrator stops the tasks and deletes the service with its last task.
        s.pendingDelete = true;
        tx.services.update(s);
      });
    } catch (err) {
      throw translate(err, current.spec?.annotations?.name ?? current.id);
    }
    return {};
  },
};

/** What the tasks are made from: a change here replaces tasks; replicas or labels alone do not. */
function taskPart(spec: ServiceSpec | null): unknown {
  return [spec?.task, spec?.endpoint];
}

function modeFilterName(s: Service): string {
  const m = s.spec?.mode ?? 'replicated';
  return m === 'replicatedJob' ? 'replicated-job' : m === 'globalJob' ? 'global-job' : m;
}
