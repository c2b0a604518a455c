// `shoal service inspect --pretty`: a service as docker's --pretty shows it (the same
// sections and names, so a Swarm user finds things where they expect), with the values
// aligned in one column (cli/pretty).
import type { Service } from '../../manager/api-types';
import type { UpdateConfig__Output as UpdateConfig } from '../../proto/gen/shoal/api/UpdateConfig';
import { formatDuration } from '../../manager/ca/duration';
import { timeAgo } from '../output';
import { bytesSize, Line, render, word } from '../pretty';

/** Nanoseconds as a duration: 5s, 1m30s, 500ms. */
const ns = (n: number | string | undefined | null): string =>
  formatDuration(Math.round(Number(n ?? 0) / 1e6));

function modeLines(s: Service): Line[] {
  const spec = s.spec!;
  switch (spec.mode) {
    case 'global':
      return [[0, 'Service Mode', 'Global']];
    case 'replicatedJob':
      return [
        [0, 'Service Mode', 'Replicated Job'],
        [1, 'Max Concurrent', String(spec.replicatedJob?.maxConcurrent ?? 0)],
        [1, 'Total Completions', String(spec.replicatedJob?.totalCompletions ?? 0)],
      ];
    case 'globalJob':
      return [[0, 'Service Mode', 'Global Job']];
    default:
      return [
        [0, 'Service Mode', 'Replicated'],
        [1, 'Replicas', String(spec.replicated?.replicas ?? 0)],
      ];
  }
}

function updateConfigLines(head: string, order: string, c: UpdateConfig | null | undefined): Line[] {
  if (!c) return [];
  return [
    [0, `${head}:`],
    [1, 'Parallelism', String(c.parallelism)],
    ...(Number(c.delayNs) > 0 ? [[1, 'Delay', ns(c.delayNs)] as Line] : []),
    [1, 'On failure', word(c.failureAction)],
    ...(Number(c.monitorNs) > 0 ? [[1, 'Monitoring Period', ns(c.monitorNs)] as Line] : []),
    [1, 'Max failure ratio', String(Number(c.maxFailureRatio.toFixed(4)))],
    [1, order, word(c.order)],
  ];
}

function placementLines(s: Service): Line[] {
  const p = s.spec?.task?.placement;
  const lines: Line[] = [[0, 'Placement:']];
  if (p?.constraints.length) lines.push([1, 'Constraints', `[${p.constraints.join(' ')}]`]);
  if (p?.preferences.length)
    lines.push([1, 'Preferences', `[${p.preferences.map((x) => `spread=${x.spread}`).join(' ')}]`]);
  if (Number(p?.maxReplicas ?? 0) > 0) lines.push([1, 'Max Replicas Per Node', String(p!.maxReplicas)]);
  return lines;
}

function containerLines(s: Service): Line[] {
  const c = s.spec?.task?.container;
  if (!c) return [];
  const lines: Line[] = [
    [0, 'ContainerSpec:'],
    [1, 'Image', c.image],
  ];
  if (c.command.length) lines.push([1, 'Command', c.command.join(' ')]);
  if (c.args.length) lines.push([1, 'Args', c.args.join(' ')]);
  if (c.env.length) lines.push([1, 'Env', c.env.join(' ')]);
  if (c.dir) lines.push([1, 'Dir', c.dir]);
  if (c.user) lines.push([1, 'User', c.user]);
  if (c.hostname) lines.push([1, 'Hostname', c.hostname]);
  if (c.init) lines.push([1, 'Init', 'true']);
  if (c.stopSignal) lines.push([1, 'Stop Signal', c.stopSignal]);
  if (Number(c.stopGracePeriodNs) > 0) lines.push([1, 'Stop Grace Period', ns(c.stopGracePeriodNs)]);
  const h = c.healthcheck;
  if (h && h.test.length) {
    lines.push([1, 'Healthcheck:']);
    if (h.test[0] === 'NONE') lines.push([2, 'Test', 'none (disabled)']);
    else {
      lines.push([2, 'Test', h.test.join(' ')]);
      if (Number(h.intervalNs) > 0) lines.push([2, 'Interval', ns(h.intervalNs)]);
      if (Number(h.timeoutNs) > 0) lines.push([2, 'Timeout', ns(h.timeoutNs)]);
      if (Number(h.startPeriodNs) > 0) lines.push([2, 'Start Period', ns(h.startPeriodNs)]);
      if (h.retries > 0) lines.push([2, 'Retries', String(h.retries)]);
    }
  }
  if (c.mounts.length) {
    lines.push([0, 'Mounts:']);
    for (const m of c.mounts)
      lines.push(
        [1, 'Target', m.target],
        [2, 'Source', m.source],
        [2, 'ReadOnly', String(m.readOnly)],
        [2, 'Type', word(m.type)],
      );
  }
  return lines;
}

function resourceLines(s: Service): Line[] {
  const r = s.spec?.task?.resources;
  const part = (
    head: string,
    x: { nanoCpus: number | string; memoryBytes: number | string } | null | undefined,
  ) => {
    const cpus = Number(x?.nanoCpus ?? 0);
    const memory = Number(x?.memoryBytes ?? 0);
    if (!cpus && !memory) return [];
    return [
      [1, `${head}:`],
      ...(cpus ? [[2, 'CPU', String(cpus / 1e9)]] : []),
      ...(memory ? [[2, 'Memory', bytesSize(memory)]] : []),
    ] as Line[];
  };
  const lines = [...part('Reservations', r?.reservations), ...part('Limits', r?.limits)];
  return lines.length ? [[0, 'Resources:'], ...lines] : [];
}

function restartLines(s: Service): Line[] {
  const r = s.spec?.task?.restart;
  if (!r) return [];
  return [
    [0, 'Restart Policy:'],
    [1, 'Condition', word(r.condition)],
    [1, 'Delay', ns(r.delayNs)],
    [1, 'Max Attempts', Number(r.maxAttempts) ? String(r.maxAttempts) : 'unlimited'],
    [1, 'Window', Number(r.windowNs) ? ns(r.windowNs) : 'unlimited'],
  ];
}

function endpointLines(s: Service): Line[] {
  const lines: Line[] = [[0, 'Endpoint Mode', word(s.spec?.endpoint?.mode ?? 'VIP')]];
  // The endpoint's ports carry what was allocated; the spec's what was asked for.
  const ports = s.endpoint?.ports.length ? s.endpoint.ports : (s.spec?.endpoint?.ports ?? []);
  if (ports.length) {
    lines.push([0, 'Ports:']);
    for (const p of ports)
      lines.push(
        [1, 'PublishedPort', p.publishedPort ? String(p.publishedPort) : '(none)'],
        [2, 'Protocol', word(p.protocol)],
        [2, 'TargetPort', String(p.targetPort)],
        [2, 'PublishMode', word(p.publishMode)],
      );
  }
  return lines;
}

function updateStatusLines(s: Service, now: number): Line[] {
  const u = s.updateStatus;
  if (!u || !u.state || u.state === 'UNKNOWN') return [];
  const lines: Line[] = [
    [0, 'UpdateStatus:'],
    [1, 'State', word(u.state)],
  ];
  if (Number(u.startedAt)) lines.push([1, 'Started', timeAgo(Number(u.startedAt), now)]);
  if (Number(u.completedAt)) lines.push([1, 'Completed', timeAgo(Number(u.completedAt), now)]);
  if (u.message) lines.push([1, 'Message', u.message]);
  return lines;
}

/** The --pretty text of one service; `now` for the "ago" times. */
export function prettyService(s: Service, now = Date.now()): string {
  const labels = Object.entries(s.spec?.annotations?.labels ?? {}).sort(([a], [b]) => a.localeCompare(b));
  return render([
    [0, 'ID', s.id],
    [0, 'Name', s.spec?.annotations?.name ?? ''],
    ...(labels.length
      ? [[0, 'Labels:'] as Line, ...labels.map(([k, v]) => [1, v ? `${k}=${v}` : k] as Line)]
      : []),
    ...modeLines(s),
    ...updateStatusLines(s, now),
    ...placementLines(s),
    ...updateConfigLines('UpdateConfig', 'Update order', s.spec?.update),
    ...updateConfigLines('RollbackConfig', 'Rollback order', s.spec?.rollback),
    ...containerLines(s),
    ...resourceLines(s),
    ...restartLines(s),
    ...endpointLines(s),
  ]);
}
