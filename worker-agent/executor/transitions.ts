// Pure rules that turn what Docker says (events, inspect results) into task states.
// The controller does the I/O; these decide. Messages follow Swarm's wording so users
// see the same `service ps` errors they know.
import type { TaskState } from '../../proto/api-types';
import { TASK_STATE_ORDER } from '../../proto/task-states';

/** A Docker events API message (the fields shoal reads). */
export interface DockerEvent {
  Type?: string;
  Action?: string;
  status?: string;
  id?: string;
  Actor?: { ID?: string; Attributes?: Record<string, string> };
  time?: number;
  timeNano?: number;
}

export type ContainerSignal =
  | { kind: 'start' }
  | { kind: 'die'; exitCode?: number }
  | { kind: 'healthy' }
  | { kind: 'unhealthy' }
  | { kind: 'destroy' };

/** The container event's meaning for a task, or undefined when it does not matter. */
export function classifyEvent(ev: DockerEvent): ContainerSignal | undefined {
  if (ev.Type !== undefined && ev.Type !== 'container') return undefined;
  const action = ev.Action ?? ev.status ?? '';
  // Docker up to 24 sends "health_status: healthy"; later ones may put it in an attribute.
  if (action.startsWith('health_status')) {
    const status = action.includes(':')
      ? action.split(':')[1].trim()
      : (ev.Actor?.Attributes?.healthStatus ?? '');
    if (status === 'healthy') return { kind: 'healthy' };
    if (status === 'unhealthy') return { kind: 'unhealthy' };
    return undefined;
  }
  switch (action) {
    case 'start':
      return { kind: 'start' };
    case 'die': {
      const code = ev.Actor?.Attributes?.exitCode;
      return { kind: 'die', exitCode: code !== undefined && /^-?\d+$/.test(code) ? Number(code) : undefined };
    }
    case 'destroy':
      return { kind: 'destroy' };
    default:
      return undefined;
  }
}

export const STATE_ORDER = TASK_STATE_ORDER;

export const isTerminal = (s: TaskState): boolean => STATE_ORDER[s] >= STATE_ORDER.COMPLETE;

/** Task states only move forward; a report that would move back is dropped. */
export const advances = (from: TaskState, to: TaskState): boolean => STATE_ORDER[to] > STATE_ORDER[from];

export interface Outcome {
  state: TaskState;
  message: string;
  err: string;
  exitCode: number;
}

/**
 * The terminal state of a container that stopped. A stop the agent asked for is a
 * shutdown whatever the exit code (SIGTERM often gives 143); otherwise 0 is complete and
 * anything else a failure with Swarm's message.
 */
export function exitOutcome(exitCode: number, opts: { stopRequested: boolean; error?: string }): Outcome {
  if (opts.stopRequested) return { state: 'SHUTDOWN', message: 'shutdown', err: '', exitCode };
  if (exitCode === 0) return { state: 'COMPLETE', message: 'finished', err: '', exitCode };
  const err = `task: non-zero exit (${exitCode})${opts.error ? `: ${opts.error}` : ''}`;
  return { state: 'FAILED', message: err, err, exitCode };
}

export const UNHEALTHY_ERR = 'task: unhealthy container';

export function unhealthyOutcome(exitCode: number): Outcome {
  return { state: 'FAILED', message: UNHEALTHY_ERR, err: UNHEALTHY_ERR, exitCode };
}

/** Whether a container's effective health check (its own or the image's) is active. */
export function hasHealthcheck(test: string[] | undefined | null): boolean {
  return !!test && test.length > 0 && test[0] !== 'NONE';
}

/** Docker container states that mean the process is no longer running. */
export const isExitedStatus = (status: string): boolean => status === 'exited' || status === 'dead';

export interface PublishedPort {
  name: string;
  protocol: 'TCP' | 'UDP' | 'SCTP';
  targetPort: number;
  publishedPort: number;
  publishMode: 'HOST';
}

/**
 * The host ports Docker actually bound (`NetworkSettings.Ports` of an inspect), for the
 * task's port status; Docker lists IPv4 and IPv6 bindings separately, one is enough.
 */
export function publishedPorts(
  bound: Record<string, Array<{ HostIp: string; HostPort: string }> | null> | undefined | null,
  names: Record<string, string> = {},
): PublishedPort[] {
  const out: PublishedPort[] = [];
  for (const [key, bindings] of Object.entries(bound ?? {})) {
    if (!bindings?.length) continue;
    const [port, proto = 'tcp'] = key.split('/');
    const seen = new Set<string>();
    for (const b of bindings) {
      if (!b.HostPort || seen.has(b.HostPort)) continue;
      seen.add(b.HostPort);
      out.push({
        name: names[key] ?? '',
        protocol: proto.toUpperCase() as PublishedPort['protocol'],
        targetPort: Number(port),
        publishedPort: Number(b.HostPort),
        publishMode: 'HOST',
      });
    }
  }
  return out.sort((a, b) => a.targetPort - b.targetPort || a.publishedPort - b.publishedPort);
}
