// `--detach=false` (the default of create/update/scale): follow the service's tasks until
// every desired task runs the current spec and every retired task has stopped. Prints a
// line per task whenever its state changes (as the Watch stream tells: service-watch.ts).
// Fails with the reason when the service cannot converge: tasks no node can take, or no
// convergence within the time limit.
import type { Service, Task } from '../../manager/api-types';
import type { ConnectionOptions } from '../control-client';
import { print } from '../output';
import { isWanted } from '../../manager/orchestrator/task-state';
import { followService } from './service-watch';

/** Tasks no node can take for this long make the command give up (the scheduler keeps trying). */
const UNPLACEABLE_MS = 5_000;
export const CONVERGE_TIMEOUT_MS = 180_000;

// Task states are ordered; these bound "has a container that may still run".
const STARTED = ['ASSIGNED', 'ACCEPTED', 'PREPARING', 'READY', 'STARTING', 'RUNNING'];

export interface Progress {
  converged: boolean;
  running: number;
  wanted: number;
  /** Reasons desired tasks sit PENDING (the scheduler's "no suitable node (...)"). */
  unplaceable: string[];
}

/**
 * Made from the service's current spec: its version, or an older version with the same
 * task spec (a rollback leaves the tasks that already ran the restored spec).
 */
export const isCurrent = (t: Task, s: Service): boolean =>
  Number(t.specVersion) === Number(s.specVersion) ||
  (!!s.spec?.task && JSON.stringify(t.spec) === JSON.stringify(s.spec.task));

export function progressOf(service: Service, tasks: Task[]): Progress {
  const current = tasks.filter((t) => isWanted(t));
  const wanted =
    service.spec?.mode === 'global' ? current.length : Number(service.spec?.replicated?.replicas ?? 0);
  const running = current.filter((t) => t.status?.state === 'RUNNING' && isCurrent(t, service)).length;
  const stopping = tasks.filter((t) => !isWanted(t) && STARTED.includes(t.status?.state ?? '')).length;
  const unplaceable = current
    .filter((t) => t.status?.state === 'PENDING' && t.status.err)
    .map((t) => t.status!.err);
  return {
    converged: running === wanted && current.length === wanted && stopping === 0,
    running,
    wanted,
    unplaceable,
  };
}

/**
 * The progress lines of a wait, as docker draws them in plain output: a task's line only
 * when its text changed, the overall line only when it changed.
 */
export class ProgressLines {
  private readonly shown = new Map<string, string>();
  private lastOverall = '';

  constructor(private readonly quiet: boolean) {}

  say(line: string): void {
    if (!this.quiet) print(line);
  }

  /** Prints the task's line if it changed; returns whether it did. */
  task(id: string, text: string): boolean {
    if (this.shown.get(id) === text) return false;
    this.shown.set(id, text);
    this.say(text);
    return true;
  }

  overall(text: string): void {
    if (text !== this.lastOverall) this.say(text);
    this.lastOverall = text;
  }
}

export function waitForConvergence(
  o: ConnectionOptions,
  serviceId: string,
  opts: { quiet: boolean; timeoutMs?: number },
): Promise<void> {
  const lines = new ProgressLines(opts.quiet);
  const deadline = Date.now() + (opts.timeoutMs ?? CONVERGE_TIMEOUT_MS);
  let stuckSince = 0;
  return followService(o, serviceId, (service, tasks) => {
    const p = progressOf(service, tasks);
    for (const t of tasks.filter(isWanted).sort(bySlot)) {
      const label = t.slot ? `${t.slot}/${p.wanted}` : t.nodeId.slice(0, 12);
      const state = (t.status?.state ?? '').toLowerCase();
      lines.task(t.id, `${label}: ${state}${t.status?.err ? ` (${t.status.err})` : ''}`);
    }
    lines.overall(`overall progress: ${p.running} out of ${p.wanted} tasks`);
    if (p.converged) {
      lines.say('verify: Service converged');
      return true;
    }
    if (p.unplaceable.length && p.running + p.unplaceable.length >= p.wanted) {
      stuckSince ||= Date.now();
      if (Date.now() - stuckSince >= UNPLACEABLE_MS)
        throw new Error(
          `service ${service.spec?.annotations?.name}: ${p.unplaceable.length} of ${p.wanted} tasks cannot be placed: ${p.unplaceable[0]}. ` +
            'The tasks stay pending and start when a node fits; see `shoal service ps`',
        );
    } else stuckSince = 0;
    if (Date.now() > deadline)
      throw new Error(
        `service ${service.spec?.annotations?.name} did not converge within ${Math.round((opts.timeoutMs ?? CONVERGE_TIMEOUT_MS) / 1000)} s ` +
          `(${p.running} of ${p.wanted} tasks running); see \`shoal service ps\``,
      );
    return false;
  });
}

/**
 * Follows a rolling update (or rollback) through the service's update status: a line
 * per slot as its task moves on, and the overall count. Returns when it completed;
 * fails with the manager's reason when it paused or rolled back on its own.
 */
export function waitForUpdate(
  o: ConnectionOptions,
  serviceId: string,
  opts: { quiet: boolean; rollback: boolean; timeoutMs?: number },
): Promise<void> {
  const lines = new ProgressLines(opts.quiet);
  const timeoutMs = opts.timeoutMs ?? CONVERGE_TIMEOUT_MS;
  const deadline = Date.now() + timeoutMs;
  return followService(o, serviceId, (service, tasks) => {
    const p = progressOf(service, tasks);
    const name = service.spec?.annotations?.name ?? serviceId;
    for (const t of tasks.filter(isWanted).sort(bySlot)) {
      const label = t.slot ? `${t.slot}/${p.wanted}` : t.nodeId.slice(0, 12);
      lines.task(
        t.id,
        `${label}: ${(t.status?.state ?? '').toLowerCase()} ${t.spec?.container?.image ?? ''}${t.status?.err ? ` (${t.status.err})` : ''}`,
      );
    }
    lines.overall(`overall progress: ${p.running} out of ${p.wanted} tasks`);
    const st = service.updateStatus;
    switch (st?.state) {
      case 'COMPLETED':
        lines.say(`verify: Service converged (${st.message})`);
        return true;
      case 'ROLLBACK_COMPLETED':
        if (opts.rollback) {
          lines.say(`verify: Service converged (${st.message})`);
          return true;
        }
        throw new Error(`service ${name}: ${st.message}`);
      case 'PAUSED':
      case 'ROLLBACK_PAUSED':
        throw new Error(
          `service ${name}: ${st.message}; fix the cause, then \`shoal service update\` again or \`shoal service rollback ${name}\``,
        );
    }
    if (Date.now() > deadline)
      throw new Error(
        `service ${name}: the ${opts.rollback ? 'rollback' : 'update'} did not complete within ${Math.round(timeoutMs / 1000)} s ` +
          `(${p.running} of ${p.wanted} tasks on the new spec); see \`shoal service ps\` and \`shoal service inspect\``,
      );
    return false;
  });
}

/** Task lines in slot order (global tasks by node), whatever order the changes came in. */
export const bySlot = (a: Task, b: Task): number => a.slot - b.slot || a.nodeId.localeCompare(b.nodeId);
