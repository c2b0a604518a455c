// One controller per task: takes it from assigned to a terminal state through Docker and
// reports every step. The flow is Swarm's (prepare -> start -> wait), driven by the
// executor's shared events stream. Every signal (an event, a stop request, a resync
// after the stream broke) only wakes the controller, which then re-reads the container
// with inspect and decides from what it sees; so a missed or replayed event cannot
// leave a task in the wrong state.
import type Docker from 'dockerode';
import type { Task, TaskState, TaskStatus } from '../../proto/api-types';
import {
  ContainerAdapter,
  ImagePullError,
  PullProgress,
  RegistryAuth,
  dockerMessage,
  hasDigest,
  registryAuthOf,
  statusCodeOf,
} from './adapter';
import { containerCreateOptions, NodeInfo, stopGraceSeconds, TaskSpecError } from './container-config';
import { EventHub } from './events';
import { taskName } from './labels';
import {
  advances,
  classifyEvent,
  ContainerSignal,
  exitOutcome,
  hasHealthcheck,
  isExitedStatus,
  isTerminal,
  Outcome,
  publishedPorts,
  STATE_ORDER,
  unhealthyOutcome,
} from './transitions';

export type StatusListener = (taskId: string, status: TaskStatus) => void;

export interface ControllerDeps {
  adapter: ContainerAdapter;
  events: EventHub;
  node: NodeInfo;
  report: StatusListener;
  registryAuth?: (task: Task) => RegistryAuth | undefined;
  /** Pull progress lines as Docker streams them (layer id, status, progress bar). */
  onPullProgress?: (taskId: string, progress: PullProgress) => void;
  log?: (line: string) => void;
}

type Wake = ContainerSignal | { kind: 'stop' } | { kind: 'resync' } | { kind: 'detach' };

class Detached extends Error {}

/**
 * The manager wants the container stopped: SHUTDOWN or beyond. A job's task is desired
 * COMPLETE, which means "run to the end", not "stop".
 */
const stopWanted = (task: Task): boolean => STATE_ORDER[task.desiredState] > STATE_ORDER.COMPLETE;

/** Thrown inside the flow to end it with a given terminal outcome. */
class Finish extends Error {
  constructor(readonly outcome: Partial<Outcome> & { state: TaskState; message: string }) {
    super(outcome.message);
  }
}

export class TaskController {
  private task: Task;
  private state: TaskState;
  private containerId: string | undefined;
  private stopRequested = false;
  private unhealthy = false;
  private detached = false;
  private readonly pullAbort = new AbortController();
  private wakeQueue: Wake[] = [];
  private wakeWaiter: (() => void) | undefined;
  private unsubscribe: (() => void) | undefined;
  private lastStatus: TaskStatus | undefined;
  private readonly done: Promise<void>;

  /**
   * Starts driving the task at once. `existingContainerId`: a container found by its
   * labels (reconcile), to adopt instead of creating one.
   */
  constructor(
    task: Task,
    private readonly deps: ControllerDeps,
    existingContainerId?: string,
  ) {
    this.task = task;
    // The manager's view is the starting point: reports only ever move a task forward.
    this.state = task.status?.state ?? 'ASSIGNED';
    if (stopWanted(task)) this.stopRequested = true;
    this.done = this.run(existingContainerId);
  }

  get taskId(): string {
    return this.task.id;
  }

  get currentState(): TaskState {
    return this.state;
  }

  get container(): string | undefined {
    return this.containerId;
  }

  /** The last status this controller reported, if any. */
  get status(): TaskStatus | undefined {
    return this.lastStatus;
  }

  /** Resolves when the task reached a terminal state (or the controller gave up). */
  finished(): Promise<void> {
    return this.done;
  }

  /** A newer version of the task from the manager; only the desired state matters here. */
  update(task: Task): void {
    this.task = task;
    if (stopWanted(task)) this.requestStop();
  }

  /** Stops the container with the task's grace period; resolves once SHUTDOWN is reported. */
  async shutdown(): Promise<void> {
    this.requestStop();
    await this.done;
  }

  /** Shuts down, then removes the container (the task left this node's assignments). */
  async remove(): Promise<void> {
    await this.shutdown();
    if (this.containerId) await this.deps.adapter.remove(this.containerId);
  }

  /**
   * Stops watching without touching the container (the agent is shutting down, or a
   * session ends): a later reconcile adopts the container again.
   */
  async detach(): Promise<void> {
    this.detached = true;
    this.pullAbort.abort();
    this.wake({ kind: 'detach' });
    await this.done;
  }

  private requestStop(): void {
    if (!this.stopRequested) {
      this.stopRequested = true;
      this.pullAbort.abort();
    }
    this.wake({ kind: 'stop' });
  }

  private wake(w: Wake): void {
    this.wakeQueue.push(w);
    const waiter = this.wakeWaiter;
    this.wakeWaiter = undefined;
    waiter?.();
  }

  private async nextWake(): Promise<Wake> {
    while (!this.wakeQueue.length) await new Promise<void>((resolve) => (this.wakeWaiter = resolve));
    return this.wakeQueue.shift()!;
  }

  private report(
    state: TaskState,
    message: string,
    extra: { err?: string; info?: Docker.ContainerInspectInfo; exitCode?: number } = {},
  ): void {
    if (this.detached || !advances(this.state, state)) return;
    this.state = state;
    const info = extra.info;
    const names = Object.fromEntries(
      (this.task.endpoint?.ports ?? [])
        .filter((p) => p.name)
        .map((p) => [`${p.targetPort}/${String(p.protocol).toLowerCase()}`, p.name]),
    );
    const ports = info ? publishedPorts(info.NetworkSettings?.Ports, names) : [];
    const status: TaskStatus = {
      timestamp: Date.now(),
      state,
      message,
      err: extra.err ?? '',
      container: this.containerId
        ? {
            containerId: this.containerId,
            pid: info?.State?.Pid ?? 0,
            exitCode: extra.exitCode ?? (info && !info.State.Running ? info.State.ExitCode : 0),
          }
        : null,
      portStatus: ports.length ? { ports } : null,
    };
    this.lastStatus = status;
    this.deps.log?.(`task ${this.task.id}: ${state} ${message}${status.err ? ` (${status.err})` : ''}`);
    this.deps.report(this.task.id, status);
  }

  private async run(existingContainerId: string | undefined): Promise<void> {
    try {
      await this.flow(existingContainerId);
    } catch (err) {
      if (err instanceof Detached || this.detached) {
        return; // no report: the container is left as it is, for the next reconcile
      } else if (err instanceof Finish) {
        const o = err.outcome;
        this.report(o.state, o.message, { err: o.err, exitCode: o.exitCode });
      } else if (this.stopRequested && STATE_ORDER[this.state] < STATE_ORDER.RUNNING) {
        // A stop while preparing (an aborted pull) is a shutdown, not a failure.
        this.report('SHUTDOWN', 'shutdown before start');
      } else {
        const why =
          err instanceof TaskSpecError || err instanceof ImagePullError ? err.message : dockerMessage(err);
        // Swarm's rule: what fails before the container starts is a rejection.
        const state: TaskState = STATE_ORDER[this.state] < STATE_ORDER.STARTING ? 'REJECTED' : 'FAILED';
        this.report(state, state === 'REJECTED' ? 'rejected' : 'failed', { err: why });
      }
    } finally {
      this.unsubscribe?.();
      this.unsubscribe = undefined;
    }
  }

  private async flow(existingContainerId: string | undefined): Promise<void> {
    const { adapter } = this.deps;
    if (!existingContainerId && this.state === 'ASSIGNED' && !this.stopRequested) {
      // A new task: no container can be there yet (reconcile hands over the ones it
      // found), so create at once; a name conflict (a crash between create and report)
      // comes back from create as the existing container.
      const created = await this.prepare();
      if (!created.existing) {
        // Just created by us, so in state "created": subscribe and start without
        // re-reading it; the inspect after the start sees whatever happened meanwhile.
        this.containerId = created.id;
        this.watch(created.id);
        return this.startAndMonitor(created.id);
      }
      existingContainerId = created.id;
    }
    let info = existingContainerId
      ? await adapter.inspect(existingContainerId)
      : await adapter.inspect(taskName(this.task));
    if (info && info.Config?.Labels?.['shoal.task.id'] !== this.task.id) info = undefined; // a stranger with our name

    if (!info) {
      if (isTerminal(this.state)) return; // finished earlier; its container was removed since
      if (STATE_ORDER[this.state] >= STATE_ORDER.STARTING) {
        // It had a container (started or starting) that is gone: never quietly run it again.
        if (this.stopRequested) throw new Finish({ state: 'SHUTDOWN', message: 'shutdown' });
        throw new Finish({
          state: 'FAILED',
          message: 'container removed',
          err: 'task: the container was removed outside of shoal',
        });
      }
      if (this.stopRequested) throw new Finish({ state: 'SHUTDOWN', message: 'shutdown before start' });
      const created = await this.prepare();
      info = await adapter.inspect(created.id);
      if (!info) throw new Error(`container ${created.id} vanished right after it was created`);
    }

    this.containerId = info.Id;
    this.watch(info.Id);
    // Re-read after subscribing: anything that happened before is in this inspect,
    // anything after arrives as an event.
    info = (await adapter.inspect(info.Id)) ?? info;

    if (info.State.Status === 'created') return this.startAndMonitor(info.Id, info);
    if (isExitedStatus(info.State.Status) && isTerminal(this.state)) return; // already reported
    await this.monitor();
  }

  /** READY, STARTING, the start call, then RUNNING and on from what the container does. */
  private async startAndMonitor(id: string, info?: Docker.ContainerInspectInfo): Promise<void> {
    // Swarm's READY: the container exists and could start (also for one adopted unstarted).
    this.report('READY', 'prepared', { info });
    if (this.stopRequested) throw new Finish({ state: 'SHUTDOWN', message: 'shutdown before start' });
    this.report('STARTING', 'starting', { info });
    try {
      await this.deps.adapter.start(id);
    } catch (err) {
      throw new Finish({
        state: 'FAILED',
        message: 'failed',
        err: `starting container failed: ${dockerMessage(err)}`,
      });
    }
    await this.monitor();
  }

  /**
   * Pulls the image when needed and creates the container (PREPARING; READY follows).
   * `existing`: a container of the task's name was there already.
   */
  private async prepare(): Promise<{ id: string; existing: boolean }> {
    const { adapter } = this.deps;
    this.report('ACCEPTED', 'accepted');
    const opts = containerCreateOptions(this.task, this.deps.node);
    this.report('PREPARING', 'preparing');
    const image = opts.Image!;
    if (hasDigest(image)) {
      // Swarm's agent uses an image pinned by digest as it is when the node has it (the
      // digest pins its content). Creating straight away asks the daemon that question
      // for free; only its "no such image" (404) leads to the pull.
      try {
        const c = await adapter.create(opts);
        return c;
      } catch (err) {
        if (statusCodeOf(err) !== 404)
          throw new Error(`creating container failed: ${dockerMessage(err)}`, { cause: err });
      }
    }
    await this.pull(image);
    if (this.stopRequested) throw new Finish({ state: 'SHUTDOWN', message: 'shutdown before start' });
    try {
      return await adapter.create(opts);
    } catch (err) {
      throw new Error(`creating container failed: ${dockerMessage(err)}`, { cause: err });
    }
  }

  /**
   * Swarm's agent: an image named by digest that is here already is used as it is (the
   * digest pins its content, so the registry has nothing newer); anything else is pulled,
   * with the credentials the task carries (--with-registry-auth) when it has them.
   */
  private async pull(image: string): Promise<void> {
    const { adapter } = this.deps;
    if (hasDigest(image) && (await adapter.imageExists(image))) return;
    try {
      const onPullProgress = this.deps.onPullProgress;
      await adapter.pullImage(image, {
        auth: this.deps.registryAuth?.(this.task) ?? registryAuthOf(this.task),
        signal: this.pullAbort.signal,
        onProgress: onPullProgress && ((p) => onPullProgress(this.task.id, p)),
      });
    } catch (err) {
      if (this.stopRequested) throw err;
      // Like Swarm: a registry that is down must not stop a task whose image is here
      // already; only a missing image is fatal.
      if (!(await adapter.imageExists(image))) throw err;
      this.deps.log?.(`task ${this.task.id}: ${(err as Error).message}; using the local image`);
    }
  }

  private watch(containerId: string): void {
    this.unsubscribe?.();
    this.unsubscribe = this.deps.events.subscribe(containerId, {
      onEvent: (ev) => {
        const signal = classifyEvent(ev);
        if (signal) this.wake(signal);
      },
      onResync: () => this.wake({ kind: 'resync' }),
    });
  }

  /**
   * STARTING/RUNNING until the container ends. RUNNING is reported once the process runs
   * and, with a health check, once it is healthy (so `service ps` shows a task as running
   * only when it can serve).
   */
  private async monitor(): Promise<void> {
    const { adapter } = this.deps;
    const id = this.containerId!;
    let stopIssued = false;
    for (;;) {
      const info = await adapter.inspect(id);
      if (!info) {
        if (this.stopRequested) throw new Finish({ state: 'SHUTDOWN', message: 'shutdown' });
        throw new Finish({
          state: 'FAILED',
          message: 'container removed',
          err: 'task: the container was removed outside of shoal',
        });
      }
      if (isExitedStatus(info.State.Status)) {
        const outcome = this.unhealthy
          ? unhealthyOutcome(info.State.ExitCode)
          : exitOutcome(info.State.ExitCode, { stopRequested: this.stopRequested, error: info.State.Error });
        this.report(outcome.state, outcome.message, { err: outcome.err, info, exitCode: outcome.exitCode });
        return;
      }
      const health = info.State.Health?.Status;
      if (info.State.Running && !this.stopRequested) {
        if (health === 'unhealthy') {
          // Swarm stops an unhealthy container and fails the task; the orchestrator replaces it.
          this.unhealthy = true;
          this.stopRequested = true;
        } else if (!hasHealthcheck(info.Config?.Healthcheck?.Test) || health === 'healthy') {
          this.report('RUNNING', 'started', { info });
        } else {
          this.report('STARTING', 'starting', { info }); // adopted while still starting
        }
      }
      if (this.stopRequested && !stopIssued && info.State.Status !== 'created') {
        stopIssued = true;
        const grace = stopGraceSeconds(this.task);
        // The stop call returns once the container is down (after at most grace + kill);
        // the die event or the next inspect then ends the loop.
        await adapter.stop(id, grace);
        continue;
      }
      if (this.stopRequested && info.State.Status === 'created')
        throw new Finish({ state: 'SHUTDOWN', message: 'shutdown before start' });
      let wake = await this.nextWake();
      // The start event of a container already reported RUNNING (usually our own start)
      // tells nothing new: skip its inspect, which would only add to a busy daemon's load.
      while (wake.kind === 'start' && this.state === 'RUNNING' && !this.wakeQueue.length)
        wake = await this.nextWake();
      if (this.detached) throw new Detached();
      // Coalesce a burst (die + stop + resync) into one inspect.
      this.wakeQueue.length = 0;
    }
  }
}
