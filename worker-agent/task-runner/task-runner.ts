// The bridge between the agent's session and the Docker executor: each time the session
// registers with a leader, open that leader's Assignments stream for the session and
// hand the node's tasks to the executor (COMPLETE -> reconcile, INCREMENTAL -> assign /
// unassign); send the executor's task states back with UpdateTaskStatus. The session
// keeps owning registration and heartbeats; this module only follows it.
import * as grpc from '@grpc/grpc-js';
import Docker from 'dockerode';
import { loadProto } from '../../proto/load';
import type { ProtoGrpcType } from '../../proto/gen/dispatcher';
import type { DispatcherClient } from '../../proto/gen/shoal/dispatcher/Dispatcher';
import type { AssignmentsMessage__Output } from '../../proto/gen/shoal/dispatcher/AssignmentsMessage';
import type { Task, TaskStatus } from '../../proto/api-types';
import { clientCredentials, NodeCredentials } from '../../proto/node-tls';
import { describeNode, Executor } from '../executor';
import { TASK_STATE_ORDER } from '../../proto/task-states';
import { StatusQueue } from './status-queue';

export interface TaskRunnerLogger {
  info(msg: string, fields?: Record<string, unknown>): void;
  warn(msg: string, fields?: Record<string, unknown>): void;
  debug(msg: string, fields?: Record<string, unknown>): void;
}

export interface TaskRunnerOptions {
  clusterId: string;
  nodeId: string;
  credentials: () => NodeCredentials;
  dockerSocket: string;
  logger: TaskRunnerLogger;
}

/** What the runner needs from the session: its registrations. */
export interface RegisteringSession {
  on(event: 'registered', listener: (r: { manager: string; sessionId: string }) => void): unknown;
}

/** How long states on the way (accepted ... starting) wait to travel together. */
const FLUSH_MS = 100;
/** Back-off after a failed send (the session is probably re-registering). */
const RETRY_MS = 1_000;

/**
 * Running or ended: the states the manager and a waiting `service create` act on. They
 * go out at once (still one send in flight at a time, so a burst travels together).
 */
const settled = (s: TaskStatus): boolean => TASK_STATE_ORDER[s.state] >= TASK_STATE_ORDER.RUNNING;

export class TaskRunner {
  private executor: Executor | undefined;
  private starting: Promise<Executor> | undefined;
  private client: DispatcherClient | undefined;
  private stream: grpc.ClientReadableStream<AssignmentsMessage__Output> | undefined;
  private sessionId = '';
  /** Executor calls run one at a time, in stream order (a reconcile is async). */
  private chain: Promise<unknown> = Promise.resolve();
  private readonly queue = new StatusQueue();
  private flushTimer: NodeJS.Timeout | undefined;
  private flushDue = 0;
  /** After a failed send, the next one waits until then. */
  private retryAt = 0;
  private flushing = false;
  private closed = false;

  constructor(private readonly opts: TaskRunnerOptions) {}

  attach(session: RegisteringSession): void {
    session.on('registered', (r) => this.follow(r.manager, r.sessionId));
  }

  /** Switches to a new session: the old stream is dropped, the new one starts with COMPLETE. */
  follow(manager: string, sessionId: string): void {
    if (this.closed) return;
    this.dropStream();
    this.sessionId = sessionId;
    const Dispatcher = loadProto<ProtoGrpcType>('dispatcher.proto').shoal.dispatcher.Dispatcher;
    const client = new Dispatcher(
      manager,
      clientCredentials(this.opts.credentials(), { clusterId: this.opts.clusterId }),
    );
    this.client = client;
    const stream = client.Assignments({ sessionId });
    this.stream = stream;
    stream.on('data', (msg: AssignmentsMessage__Output) => this.enqueue(() => this.apply(msg)));
    stream.on('error', (err: grpc.ServiceError) => {
      if (err.code !== grpc.status.CANCELLED)
        this.opts.logger.debug('assignments stream ended', { manager, error: err.details ?? err.message });
    });
    this.scheduleFlush();
  }

  async close(): Promise<void> {
    this.closed = true;
    this.dropStream();
    if (this.flushTimer) clearTimeout(this.flushTimer);
    await this.chain.catch(() => undefined);
    // Containers keep running: the next agent adopts them through reconcile.
    await this.executor?.close();
  }

  private dropStream(): void {
    this.stream?.cancel();
    this.stream = undefined;
    this.client?.close();
    this.client = undefined;
  }

  private enqueue(step: () => Promise<void>): void {
    this.chain = this.chain
      .then(step)
      .catch((err: Error) => this.opts.logger.warn('applying assignments failed', { error: err.message }));
  }

  private async apply(msg: AssignmentsMessage__Output): Promise<void> {
    const executor = await this.ensureExecutor();
    const tasks = msg.changes.filter((c) => c.assignment?.task);
    if (msg.type === 'COMPLETE') {
      const set = tasks.filter((c) => c.action !== 'REMOVE').map((c) => c.assignment!.task as Task);
      const r = await executor.reconcile(set);
      this.opts.logger.info('assignments reconciled', {
        tasks: set.length,
        adopted: r.adopted.length,
        started: r.started.length,
        removedOrphans: r.removedOrphans.length,
      });
      // States reached while no session listened (or adopted containers) go to the new leader.
      for (const [id, status] of executor.statuses()) this.queue.put(id, status);
      this.scheduleFlush();
      return;
    }
    for (const c of tasks) {
      const task = c.assignment!.task as Task;
      if (c.action === 'REMOVE') await executor.unassign(task.id);
      else executor.assign(task);
    }
  }

  private ensureExecutor(): Promise<Executor> {
    this.starting ??= (async () => {
      const docker = new Docker({ socketPath: this.opts.dockerSocket });
      const description = await describeNode(docker);
      const executor = new Executor({
        docker,
        node: {
          id: this.opts.nodeId,
          hostname: description.hostname ?? '',
          platform: {
            os: description.platform?.os ?? 'linux',
            architecture: description.platform?.architecture ?? '',
          },
        },
        onStatus: (taskId, status) => this.report(taskId, status),
        log: (line) => this.opts.logger.debug(line),
      });
      await executor.start();
      this.executor = executor;
      return executor;
    })();
    // A failed start (dockerd not up yet) is retried by the next assignments message.
    this.starting.catch(() => (this.starting = undefined));
    return this.starting;
  }

  private report(taskId: string, status: TaskStatus): void {
    this.queue.put(taskId, status);
    this.scheduleFlush();
  }

  /** Arms the send: at once for a settled state, else after FLUSH_MS; never before a retry's back-off. */
  private scheduleFlush(): void {
    if (this.closed || this.queue.size === 0) return;
    const now = Date.now();
    const due = Math.max(now + (this.queue.some(settled) ? 0 : FLUSH_MS), this.retryAt);
    const delay = due - now;
    if (this.flushTimer) {
      if (due >= this.flushDue) return;
      clearTimeout(this.flushTimer); // a settled state does not wait for an earlier batch's timer
    }
    this.flushDue = due;
    this.flushTimer = setTimeout(() => {
      this.flushTimer = undefined;
      void this.flush();
    }, delay);
  }

  /** Sends the latest state of every task that changed; on failure keeps them for the next session. */
  private async flush(): Promise<void> {
    const client = this.client;
    if (this.flushing || !client) return;
    const batch = this.queue.take();
    if (batch.length === 0) return;
    this.flushing = true;
    try {
      await new Promise<void>((resolve, reject) =>
        client.UpdateTaskStatus(
          { sessionId: this.sessionId, updates: batch.map(([taskId, status]) => ({ taskId, status })) },
          { deadline: Date.now() + 5_000 },
          (err) => (err ? reject(err) : resolve()),
        ),
      );
    } catch (err) {
      this.queue.restore(batch);
      this.opts.logger.debug('task status update failed; retrying', {
        error: (err as grpc.ServiceError).details ?? (err as Error).message,
      });
      this.flushing = false;
      this.retryAt = Date.now() + RETRY_MS;
      this.scheduleFlush();
      return;
    }
    this.flushing = false;
    this.scheduleFlush();
  }
}
