// The node's Docker executor: one controller per assigned task, one shared Docker
// events stream, and reconciliation against the full assignment set the dispatcher
// sends on every (re)connect. The agent session drives it; it reports task states back
// through `onStatus`.
import type Docker from 'dockerode';
import type { Task, TaskStatus } from '../../proto/api-types';
import { ContainerAdapter, PullProgress, RegistryAuth } from './adapter';
import { NodeInfo } from './container-config';
import { TaskController, StatusListener } from './controller';
import { EventHub } from './events';
import { identityOf } from './labels';

export interface ExecutorOptions {
  docker: Docker;
  node: NodeInfo;
  /** Every task state change, in order per task; the session forwards them (UpdateTaskStatus). */
  onStatus: StatusListener;
  /** Registry credentials for a task's image pull, when it needs any. */
  registryAuth?: (task: Task) => RegistryAuth | undefined;
  /** Image pull progress, streamed while a task is PREPARING. */
  onPullProgress?: (taskId: string, progress: PullProgress) => void;
  log?: (line: string) => void;
}

export interface ReconcileResult {
  /** Tasks whose running container was adopted as is (no restart). */
  adopted: string[];
  /** Tasks that got a new controller without a container (to be created). */
  started: string[];
  /** Containers of shoal tasks not assigned here any more, stopped and removed. */
  removedOrphans: string[];
  /** Tasks with a controller before that are not assigned any more (stopped, removed). */
  removedTasks: string[];
}

export class Executor {
  readonly adapter: ContainerAdapter;
  private readonly events: EventHub;
  private readonly controllers = new Map<string, TaskController>();
  private started = false;

  constructor(private readonly opts: ExecutorOptions) {
    this.adapter = new ContainerAdapter(opts.docker);
    this.events = new EventHub(opts.docker, { log: opts.log });
  }

  /** Opens the events stream; call before anything else. */
  async start(): Promise<void> {
    if (this.started) return;
    await this.events.start();
    this.started = true;
  }

  /**
   * Applies a COMPLETE assignment set: adopts containers of known tasks by their labels
   * (never restarting them), starts what is missing, and stops and removes containers
   * of tasks not in the set. Resolves once the orphans are gone; tasks proceed in the
   * background and report through onStatus.
   */
  async reconcile(tasks: Task[]): Promise<ReconcileResult> {
    this.requireStarted();
    const assigned = new Map(tasks.map((t) => [t.id, t]));
    const containers = await this.adapter.listTaskContainers();
    const byTask = new Map<string, Docker.ContainerInfo[]>();
    for (const c of containers) {
      const id = identityOf(c.Labels)!.taskId;
      byTask.set(id, [...(byTask.get(id) ?? []), c]);
    }
    const result: ReconcileResult = { adopted: [], started: [], removedOrphans: [], removedTasks: [] };
    const cleanups: Promise<void>[] = [];

    for (const [taskId, ctl] of this.controllers) {
      if (assigned.has(taskId)) continue;
      this.controllers.delete(taskId);
      result.removedTasks.push(taskId);
      cleanups.push(ctl.remove());
    }
    for (const [taskId, list] of byTask) {
      if (assigned.has(taskId) || result.removedTasks.includes(taskId)) continue;
      for (const c of list) {
        result.removedOrphans.push(c.Id);
        cleanups.push(this.removeOrphan(c));
      }
    }
    for (const task of tasks) {
      const existing = this.controllers.get(task.id);
      if (existing) {
        existing.update(task);
        continue;
      }
      const list = byTask.get(task.id) ?? [];
      // Two containers for one task can only come from outside interference; keep the
      // newest (the one a controller would have made last) and treat the rest as orphans.
      list.sort((a, b) => b.Created - a.Created);
      for (const extra of list.slice(1)) {
        result.removedOrphans.push(extra.Id);
        cleanups.push(this.removeOrphan(extra));
      }
      const found = list[0];
      if (found?.State === 'running') result.adopted.push(task.id);
      else if (!found) result.started.push(task.id);
      this.controllers.set(task.id, this.newController(task, found?.Id));
    }
    await Promise.all(cleanups);
    return result;
  }

  /** An INCREMENTAL update: a new task, or a new version (desired state) of a known one. */
  assign(task: Task): void {
    this.requireStarted();
    const existing = this.controllers.get(task.id);
    if (existing) existing.update(task);
    else this.controllers.set(task.id, this.newController(task));
  }

  /** An INCREMENTAL removal: stop the task's container with its grace period and remove it. */
  async unassign(taskId: string): Promise<void> {
    const ctl = this.controllers.get(taskId);
    if (!ctl) return;
    this.controllers.delete(taskId);
    await ctl.remove();
  }

  /** The controller of a task, for callers that want to await it (tests, shutdown). */
  controller(taskId: string): TaskController | undefined {
    return this.controllers.get(taskId);
  }

  /** The last reported status per task, e.g. to resend after a session re-registers. */
  statuses(): Map<string, TaskStatus> {
    const out = new Map<string, TaskStatus>();
    for (const [id, ctl] of this.controllers) if (ctl.status) out.set(id, ctl.status);
    return out;
  }

  /**
   * Stops watching: containers keep running, untouched, so an agent restart (or a new
   * executor on the same daemon) adopts them through reconcile.
   */
  async close(): Promise<void> {
    await Promise.all([...this.controllers.values()].map((c) => c.detach()));
    this.controllers.clear();
    this.events.close();
    this.started = false;
  }

  private newController(task: Task, existingContainerId?: string): TaskController {
    return new TaskController(
      task,
      {
        adapter: this.adapter,
        events: this.events,
        node: this.opts.node,
        report: this.opts.onStatus,
        registryAuth: this.opts.registryAuth,
        onPullProgress: this.opts.onPullProgress,
        log: this.opts.log,
      },
      existingContainerId,
    );
  }

  private async removeOrphan(c: Docker.ContainerInfo): Promise<void> {
    const name = c.Names?.[0]?.replace(/^\//, '') ?? c.Id;
    this.opts.log?.(
      `removing orphan container ${name} (task ${identityOf(c.Labels)?.taskId} is not assigned here)`,
    );
    // Without an explicit timeout Docker applies the container's own StopTimeout, which
    // holds the grace period of the task that created it.
    if (c.State === 'running') await this.adapter.stop(c.Id);
    await this.adapter.remove(c.Id);
  }

  private requireStarted(): void {
    if (!this.started) throw new Error('executor: call start() before assigning tasks');
  }
}
