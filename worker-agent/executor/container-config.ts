// Task -> Docker container create options. Pure: no Docker calls, so every mapping rule
// (and every bad-input error) is unit-tested. Field names in errors follow the task's
// shape (`spec.container.mounts[1].source`) so the message leads straight to the input.
import type Docker from 'dockerode';
import type { Task } from '../../proto/api-types';
import { taskLabels, taskName, serviceName } from './labels';
import { TaskSpecError } from './errors';
import { expandEnv, expandTemplate, TemplateContext } from './template';

export { TaskSpecError };

export interface NodeInfo {
  id: string;
  hostname: string;
  platform: { os: string; architecture: string };
}

/** Swarm's default, used when the spec leaves stop_grace_period at 0. */
export const DEFAULT_STOP_GRACE_NS = 10_000_000_000;

export function templateContext(task: Task, node: NodeInfo): TemplateContext {
  return {
    service: { id: task.serviceId, name: serviceName(task), labels: task.serviceAnnotations?.labels ?? {} },
    task: { id: task.id, name: taskName(task), slot: String(task.slot) },
    node,
  };
}

/** Seconds for `docker stop -t`; Docker takes whole seconds, so round a fraction up. */
export function stopGraceSeconds(task: Task): number {
  const ns = task.spec?.container?.stopGracePeriodNs || DEFAULT_STOP_GRACE_NS;
  return Math.max(0, Math.ceil(ns / 1e9));
}

/** Image reference with an explicit tag, so a pull fetches one tag, not all of them. */
export function normalizeImageRef(ref: string): string {
  if (ref.includes('@')) return ref;
  const lastSlash = ref.lastIndexOf('/');
  return ref.slice(lastSlash + 1).includes(':') ? ref : `${ref}:latest`;
}

const upper = (v: unknown): string => String(v).toUpperCase();

function parseBytes(value: string, field: string): number {
  const m = /^(\d+)([kmg]?)b?$/i.exec(value.trim());
  if (!m) throw new TaskSpecError(field, `expected a size in bytes (e.g. 64m), got ${JSON.stringify(value)}`);
  const unit = { '': 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3 }[m[2].toLowerCase() as '' | 'k' | 'm' | 'g'];
  return Number(m[1]) * unit;
}

function mountsOf(task: Task, ctx: TemplateContext): Docker.MountSettings[] {
  return (task.spec?.container?.mounts ?? []).map((m, i) => {
    const field = `spec.container.mounts[${i}]`;
    const type = upper(m.type);
    const target = expandTemplate(m.target, ctx, `${field}.target`);
    const source = expandTemplate(m.source, ctx, `${field}.source`);
    if (!target.startsWith('/'))
      throw new TaskSpecError(`${field}.target`, `must be an absolute path, got ${JSON.stringify(target)}`);
    const options = m.options ?? {};
    const known = (key: string, allowed: RegExp) => {
      if (!allowed.test(key))
        throw new TaskSpecError(
          `${field}.options.${key}`,
          `is not an option of a ${type.toLowerCase()} mount`,
        );
    };
    switch (type) {
      case 'BIND':
      case '0': {
        if (!source.startsWith('/'))
          throw new TaskSpecError(
            `${field}.source`,
            `a bind mount needs an absolute host path, got ${JSON.stringify(source)}`,
          );
        Object.keys(options).forEach((k) => known(k, /^bind-propagation$/));
        const propagation = options['bind-propagation'];
        if (propagation && !/^r?(private|shared|slave)$/.test(propagation))
          throw new TaskSpecError(
            `${field}.options.bind-propagation`,
            `unknown propagation ${JSON.stringify(propagation)}`,
          );
        return {
          Type: 'bind',
          Source: source,
          Target: target,
          ReadOnly: m.readOnly,
          ...(propagation ? { BindOptions: { Propagation: propagation as Docker.MountPropagation } } : {}),
        };
      }
      case 'VOLUME':
      case '1': {
        Object.keys(options).forEach((k) =>
          known(k, /^(volume-driver|volume-nocopy|volume-opt\..+|volume-label\..+)$/),
        );
        const pick = (prefix: string) =>
          Object.fromEntries(
            Object.entries(options)
              .filter(([k]) => k.startsWith(prefix))
              .map(([k, v]) => [k.slice(prefix.length), v]),
          );
        return {
          Type: 'volume',
          Source: source, // empty: Docker makes an anonymous volume
          Target: target,
          ReadOnly: m.readOnly,
          VolumeOptions: {
            NoCopy: options['volume-nocopy'] === 'true',
            Labels: pick('volume-label.'),
            DriverConfig: { Name: options['volume-driver'] ?? '', Options: pick('volume-opt.') },
          },
        };
      }
      case 'TMPFS':
      case '2': {
        if (source) throw new TaskSpecError(`${field}.source`, 'a tmpfs mount has no source');
        Object.keys(options).forEach((k) => known(k, /^(tmpfs-size|tmpfs-mode)$/));
        const size = options['tmpfs-size']
          ? parseBytes(options['tmpfs-size'], `${field}.options.tmpfs-size`)
          : 0;
        const modeText = options['tmpfs-mode'];
        if (modeText !== undefined && !/^[0-7]{3,4}$/.test(modeText))
          throw new TaskSpecError(
            `${field}.options.tmpfs-mode`,
            `expected an octal mode like 1777, got ${JSON.stringify(modeText)}`,
          );
        return {
          Type: 'tmpfs',
          Source: '',
          Target: target,
          ReadOnly: m.readOnly,
          TmpfsOptions: { SizeBytes: size, Mode: modeText ? parseInt(modeText, 8) : 0 },
        };
      }
      default:
        throw new TaskSpecError(`${field}.type`, `unknown mount type ${JSON.stringify(m.type)}`);
    }
  });
}

function healthcheckOf(task: Task): Docker.HealthConfig | undefined {
  const h = task.spec?.container?.healthcheck;
  if (!h || !h.test?.length) return undefined;
  const field = 'spec.container.healthcheck';
  if (!['NONE', 'CMD', 'CMD-SHELL'].includes(h.test[0]))
    throw new TaskSpecError(
      `${field}.test`,
      `must start with NONE, CMD or CMD-SHELL, got ${JSON.stringify(h.test[0])}`,
    );
  for (const key of ['intervalNs', 'timeoutNs', 'startPeriodNs'] as const) {
    // Docker refuses non-zero intervals under 1ms with a less helpful message.
    if (h[key] < 0 || (h[key] > 0 && h[key] < 1_000_000))
      throw new TaskSpecError(`${field}.${key}`, `must be 0 (the default) or at least 1ms, got ${h[key]}ns`);
  }
  if (h.retries < 0) throw new TaskSpecError(`${field}.retries`, `must not be negative, got ${h.retries}`);
  return {
    Test: h.test,
    Interval: h.intervalNs,
    Timeout: h.timeoutNs,
    Retries: h.retries,
    StartPeriod: h.startPeriodNs,
  };
}

/** Host-mode published ports; ingress ports belong to the routing mesh, not the container. */
function portsOf(task: Task): {
  exposed: Record<string, object>;
  bindings: Record<string, { HostPort: string }[]>;
} {
  const ports = task.endpoint?.ports?.length ? task.endpoint.ports : (task.endpoint?.spec?.ports ?? []);
  const exposed: Record<string, object> = {};
  const bindings: Record<string, { HostPort: string }[]> = {};
  ports.forEach((p, i) => {
    const mode = upper(p.publishMode);
    if (mode !== 'HOST' && mode !== '1') return;
    const field = `endpoint.ports[${i}]`;
    if (!(p.targetPort >= 1 && p.targetPort <= 65535))
      throw new TaskSpecError(`${field}.targetPort`, `must be 1-65535, got ${p.targetPort}`);
    if (p.publishedPort < 0 || p.publishedPort > 65535)
      throw new TaskSpecError(`${field}.publishedPort`, `must be 0-65535, got ${p.publishedPort}`);
    const protocol = (
      { TCP: 'tcp', '0': 'tcp', UDP: 'udp', '1': 'udp', SCTP: 'sctp', '2': 'sctp' } as Record<string, string>
    )[upper(p.protocol)];
    if (!protocol)
      throw new TaskSpecError(`${field}.protocol`, `unknown protocol ${JSON.stringify(p.protocol)}`);
    const key = `${p.targetPort}/${protocol}`;
    exposed[key] = {};
    // Published 0 in host mode: let Docker pick a free port; the controller reports it.
    (bindings[key] ??= []).push({ HostPort: p.publishedPort ? String(p.publishedPort) : '' });
  });
  return { exposed, bindings };
}

/** Swarm writes extra hosts as "IP host..." (hosts-file order); Docker wants "host:IP". */
function extraHostsOf(hosts: string[]): string[] {
  return hosts.flatMap((line, i) => {
    const parts = line.trim().split(/\s+/);
    if (parts.length < 2)
      throw new TaskSpecError(
        `spec.container.hosts[${i}]`,
        `expected "IP hostname...", got ${JSON.stringify(line)}`,
      );
    const [ip, ...names] = parts;
    return names.map((n) => `${n}:${ip}`);
  });
}

/** The full create options for a task's container; throws TaskSpecError on bad input. */
export function containerCreateOptions(task: Task, node: NodeInfo): Docker.ContainerCreateOptions {
  const c = task.spec?.container;
  if (!c) throw new TaskSpecError('spec.container', 'the task has no container spec');
  if (!c.image) throw new TaskSpecError('spec.container.image', 'is required');
  if (!task.id) throw new TaskSpecError('id', 'the task has no id');
  const ctx = templateContext(task, node);
  const limits = task.spec?.resources?.limits;
  const reservations = task.spec?.resources?.reservations;
  for (const [field, v] of [
    ['spec.resources.limits.nanoCpus', limits?.nanoCpus],
    ['spec.resources.limits.memoryBytes', limits?.memoryBytes],
    ['spec.resources.reservations.memoryBytes', reservations?.memoryBytes],
  ] as const) {
    if (v !== undefined && v < 0) throw new TaskSpecError(field, `must not be negative, got ${v}`);
  }
  const { exposed, bindings } = portsOf(task);
  const stopGrace = stopGraceSeconds(task);
  const hostConfig: Docker.HostConfig = {
    // The orchestrator owns restarts (it makes a new task); Docker must not restart behind its back.
    RestartPolicy: { Name: 'no' },
    Mounts: mountsOf(task, ctx),
    PortBindings: bindings,
    ReadonlyRootfs: c.readOnly || undefined,
    Init: c.init || undefined,
    GroupAdd: c.groups.length ? c.groups : undefined,
    ExtraHosts: c.hosts.length ? extraHostsOf(c.hosts) : undefined,
    Dns: c.dnsNameservers.length ? c.dnsNameservers : undefined,
    NanoCpus: limits?.nanoCpus || undefined,
    Memory: limits?.memoryBytes || undefined,
    MemoryReservation: reservations?.memoryBytes || undefined,
  };
  const opts: Docker.ContainerCreateOptions = {
    name: taskName(task),
    Image: normalizeImageRef(c.image),
    Labels: { ...c.labels, ...taskLabels(task, node.id) },
    Env: expandEnv(c.env, ctx, 'spec.container.env'),
    Entrypoint: c.command.length ? c.command : undefined,
    Cmd: c.args.length ? c.args : undefined,
    Hostname: c.hostname ? expandTemplate(c.hostname, ctx, 'spec.container.hostname') : undefined,
    User: c.user || undefined,
    WorkingDir: c.dir || undefined,
    Tty: c.tty || undefined,
    OpenStdin: c.openStdin || undefined,
    Healthcheck: healthcheckOf(task),
    StopSignal: c.stopSignal || undefined,
    StopTimeout: stopGrace,
    ExposedPorts: Object.keys(exposed).length ? exposed : undefined,
    HostConfig: hostConfig,
  };
  return dropUndefined(opts);
}

function dropUndefined<T extends object>(o: T): T {
  for (const [k, v] of Object.entries(o)) {
    if (v === undefined) delete (o as Record<string, unknown>)[k];
    else if (v && typeof v === 'object' && !Array.isArray(v)) dropUndefined(v as object);
  }
  return o;
}
