// The log broker (swarmkit's model): an operator subscribes to the logs of a service or
// task; the broker asks the agents of the nodes holding those tasks to publish their
// lines, checks and names each line, and hands it to the subscriber.
//
// It serves subscriptions on the leader only. Agents hold their dispatcher session with
// the leader alone, so the leader reaches every node over channels that already exist
// and are already authenticated; a follower relays the operator's stream to the leader
// (as it forwards every other control call) instead of keeping its own broker and
// manager-to-manager fan-out, or making agents dial managers they have no session with.
import * as crypto from 'crypto';
import * as grpc from '@grpc/grpc-js';
import { statusError } from '../ca';
import type { MemoryStore } from '../store';
import type { Task } from '../api-types';
import type { LogSelector__Output } from '../../proto/gen/shoal/api/LogSelector';
import type { LogOptions__Output } from '../../proto/gen/shoal/api/LogOptions';
import type { LogMessage } from '../../proto/gen/shoal/api/LogMessage';
import type { SubscribeLogsMessage } from '../../proto/gen/shoal/api/SubscribeLogsMessage';
import type { LogSubscription } from '../../proto/gen/shoal/dispatcher/LogSubscription';
import type { PublishLogsMessage__Output } from '../../proto/gen/shoal/dispatcher/PublishLogsMessage';
import { logContext, planNodes, selectedTasks, selects } from './selection';

/** The operator's end of a subscription (the control API stream). */
export interface LogSink {
  /** false: the subscriber's buffer is full; wait for onDrain before sending more. */
  write(msg: SubscribeLogsMessage): boolean;
  onDrain(fn: () => void): void;
  end(): void;
}

/** An agent's end: its LogSubscriptions stream. */
export interface AgentLogChannel {
  send(sub: LogSubscription): void;
}

/** One PublishLogs call, as the broker sees it. */
export interface LogPublisher {
  /** Checks and forwards the lines; false: the subscriber is full, pause the call until onDrain. */
  deliver(msg: PublishLogsMessage__Output): boolean;
  onDrain(fn: () => void): void;
  /** The agent finished (or its call broke). */
  close(): void;
}

interface Subscription {
  id: string;
  selector: LogSelector__Output;
  options: LogOptions__Output;
  sink: LogSink;
  /** Nodes sent the subscription. */
  asked: Set<string>;
  /** Asked nodes that have not finished publishing (ends the stream without follow). */
  pending: Set<string>;
  /** Open PublishLogs calls: ended when the subscriber goes away, whatever the agent does. */
  publishers: Set<() => void>;
  /** Nodes already reported as unable to answer (a task's every change would repeat it). */
  warned: Set<string>;
  /** Follow: when a node's session was lost, to resume from there when it is back. */
  lostAt: Map<string, number>;
  unwatch?: () => void;
  closed: boolean;
}

export class LogBroker {
  private readonly agents = new Map<string, AgentLogChannel>();
  private readonly subs = new Map<string, Subscription>();

  constructor(private readonly local: MemoryStore) {}

  get activeSubscriptions(): number {
    return this.subs.size;
  }

  /**
   * Starts a subscription; returns its cancel (idempotent). Unknown ids fail here,
   * before anything is sent to an agent.
   */
  subscribe(selector: LogSelector__Output, options: LogOptions__Output, sink: LogSink): () => void {
    if (!selector.serviceIds.length && !selector.taskIds.length)
      throw statusError(grpc.status.INVALID_ARGUMENT, 'selector: name at least one service or task');
    for (const id of selector.serviceIds)
      if (!this.local.get('services', id))
        throw statusError(grpc.status.NOT_FOUND, `selector.service_ids: service ${id} not found`);
    for (const id of selector.taskIds)
      if (!this.local.get('tasks', id))
        throw statusError(grpc.status.NOT_FOUND, `selector.task_ids: task ${id} not found`);

    const sub: Subscription = {
      id: crypto.randomBytes(12).toString('hex'),
      selector,
      options,
      sink,
      asked: new Set(),
      pending: new Set(),
      publishers: new Set(),
      warned: new Set(),
      lostAt: new Map(),
      closed: false,
    };
    this.subs.set(sub.id, sub);
    this.askFor(sub, selectedTasks(selector, this.local.list('tasks')));
    if (options.follow) {
      // Tasks placed later (a scale up, a restart elsewhere) bring their node in.
      sub.unwatch = this.local.subscribe({ tables: ['tasks'] }, (events) => {
        const placed = events
          .filter((e) => e.kind !== 'delete')
          .map((e) => e.object as Task)
          .filter((t) => t.nodeId && !sub.asked.has(t.nodeId) && selects(selector, t));
        if (placed.length) this.askFor(sub, placed);
      });
    } else this.finishIfDone(sub);
    return () => this.cancel(sub);
  }

  /** An agent opened its LogSubscriptions stream; returns detach (idempotent). */
  attachAgent(nodeId: string, channel: AgentLogChannel): () => void {
    this.agents.set(nodeId, channel);
    // Follow subscriptions take in a node that (re)connects while they run.
    for (const sub of [...this.subs.values()]) {
      if (!sub.options.follow || sub.asked.has(nodeId)) continue;
      if (!selectedTasks(sub.selector, this.local.tasksByNode(nodeId)).length) continue;
      const lost = sub.lostAt.get(nodeId);
      sub.warned.delete(nodeId);
      sub.lostAt.delete(nodeId);
      // Back after its session broke: resume where it was lost, not with a second --tail.
      this.ask(
        sub,
        nodeId,
        lost
          ? { ...sub.options, tail: -1, sinceUnixMs: Math.max(sub.options.sinceUnixMs, lost) }
          : sub.options,
      );
    }
    return () => {
      if (this.agents.get(nodeId) !== channel) return;
      this.agents.delete(nodeId);
      for (const sub of [...this.subs.values()]) {
        if (!sub.asked.has(nodeId)) continue;
        sub.asked.delete(nodeId); // a later task there, or the node coming back, asks again (follow)
        sub.lostAt.set(nodeId, Date.now());
        if (sub.pending.delete(nodeId)) {
          const hostname = this.local.get('nodes', nodeId)?.description?.hostname || nodeId;
          this.write(sub, { messages: [], warnings: [`lost the log stream of node ${hostname}`] });
          this.finishIfDone(sub);
        }
      }
    };
  }

  /** A PublishLogs call from `nodeId` for `subscriptionId`; `end` ends that call. */
  openPublisher(nodeId: string, subscriptionId: string, end: () => void): LogPublisher {
    const sub = this.subs.get(subscriptionId);
    if (!sub || !sub.asked.has(nodeId))
      throw statusError(
        grpc.status.NOT_FOUND,
        `subscription_id: no log subscription ${subscriptionId} was sent to node ${nodeId}`,
      );
    sub.publishers.add(end);
    let closed = false;
    return {
      deliver: (msg) => {
        if (sub.closed) return true;
        const messages = msg.messages.flatMap((m) => this.checked(sub, nodeId, m));
        return this.write(sub, { messages, warnings: msg.warnings });
      },
      onDrain: (fn) => sub.sink.onDrain(fn),
      close: () => {
        if (closed) return;
        closed = true;
        sub.publishers.delete(end);
        sub.pending.delete(nodeId);
        this.finishIfDone(sub);
      },
    };
  }

  /** Ends every subscription (this manager stops leading or shuts down). */
  closeAll(): void {
    for (const sub of [...this.subs.values()]) this.cancel(sub, true);
  }

  private askFor(sub: Subscription, tasks: Task[]): void {
    const plan = planNodes(
      tasks,
      (id) => this.local.get('nodes', id),
      (id) => this.agents.has(id),
    );
    const warnings = plan.skipped.filter((s) => !sub.warned.has(s.nodeId));
    for (const s of warnings) sub.warned.add(s.nodeId);
    if (warnings.length) this.write(sub, { messages: [], warnings: warnings.map((s) => s.warning) });
    for (const nodeId of plan.ask) this.ask(sub, nodeId, sub.options);
  }

  private ask(sub: Subscription, nodeId: string, options: LogOptions__Output): void {
    sub.asked.add(nodeId);
    sub.pending.add(nodeId);
    this.agents.get(nodeId)!.send({ id: sub.id, selector: sub.selector, options });
  }

  /**
   * An agent may publish only lines of selected tasks assigned to its own node. A task
   * the store no longer has (reaped history whose container the agent has not removed
   * yet) cannot be named or checked: its lines are dropped, the others still flow.
   */
  private checked(
    sub: Subscription,
    nodeId: string,
    m: PublishLogsMessage__Output['messages'][number],
  ): LogMessage[] {
    const taskId = m.context?.taskId ?? '';
    const task = this.local.get('tasks', taskId);
    if (!task && taskId) return [];
    if (!task || task.nodeId !== nodeId || !selects(sub.selector, task))
      throw statusError(
        grpc.status.PERMISSION_DENIED,
        `messages.context.task_id: task ${taskId || '(none)'} is not a task of this subscription on node ${nodeId}`,
      );
    const message: LogMessage = {
      context: logContext(task, this.local.get('services', task.serviceId), this.local.get('nodes', nodeId)),
      stream: m.stream,
      timestamp: m.timestamp,
      line: m.line,
    };
    return [message];
  }

  private write(sub: Subscription, msg: SubscribeLogsMessage): boolean {
    if (sub.closed) return true;
    return sub.sink.write(msg);
  }

  private finishIfDone(sub: Subscription): void {
    if (sub.closed || sub.options.follow || sub.pending.size > 0) return;
    this.cancel(sub, true);
  }

  private cancel(sub: Subscription, endSink = false): void {
    if (sub.closed) return;
    sub.closed = true;
    this.subs.delete(sub.id);
    sub.unwatch?.();
    for (const nodeId of sub.asked) this.agents.get(nodeId)?.send({ id: sub.id, close: true });
    for (const end of [...sub.publishers]) end();
    sub.publishers.clear();
    if (endSink) sub.sink.end();
  }
}
