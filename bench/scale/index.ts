// Control-plane scale: 1,000 nodes and 20,000 tasks (20 services x 1,000 replicas),
// timed from the control API's CreateService calls until the store holds every task
// RUNNING. Everything on the manager side is the production path: the control API
// method, a single-member raft node writing its WAL to disk with fsync, the store, the
// leader's orchestrator and scheduler, and the dispatcher's Register, Heartbeat,
// Assignments and UpdateTaskStatus handlers. No container runs anywhere: 1,000
// FakeAgentForBench objects stand in for the agents, and their FakeExecutorForBench
// reports each assigned task as running, batched per node as the real task runner does.
//
// What is left out, on purpose: the gRPC transport between agents and the dispatcher
// (the agents call the handlers in-process, so there are no 1,000 TLS connections and
// certificate checks per call); assignments are still encoded to protobuf bytes as
// grpc-js would, so the manager pays for serialization. All of it runs in this one
// process, so the RSS reported is the manager's plus the (small) fake agents'.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { monitorEventLoopDelay } from 'perf_hooks';
import * as protobuf from 'protobufjs';
import { RaftNode } from '../../raft/node';
import { protoDir } from '../../proto/descriptor';
import { MemoryStore, ProposingStore, SlimApplyResult, storeStateMachine } from '../../manager/store';
import { ManagerContext, silentLogger } from '../../manager/context';
import type { PeerAuthenticator } from '../../manager/ca';
import { serviceMethods } from '../../manager/control-api/services';
import { LeaderControllers } from '../../manager/leader-controllers';
import { Dispatcher } from '../../manager/dispatcher/dispatcher';
import type { AssignmentsMessage } from '../../proto/gen/shoal/dispatcher/AssignmentsMessage';
import type { Task, TaskStatus } from '../../manager/api-types';
import type { Figures } from '../run';

export const description =
  'schedule 20,000 tasks on 1,000 nodes and report them running (control API, raft with fsync, orchestrator, scheduler, dispatcher; fake agents)';

/** The real agent's status flush interval (worker-agent/task-runner FLUSH_MS). */
const AGENT_FLUSH_MS = 100;

type Handlers = ReturnType<Dispatcher['handlers']>;
type Unary = (call: unknown, cb: (err: unknown, res?: unknown) => void) => void;

/** A unary handler called as grpc-js would, for the agent of `nodeId`. */
function callUnary<Res>(handlers: Handlers, method: string, nodeId: string, request: unknown): Promise<Res> {
  const h = (handlers as unknown as Record<string, Unary>)[method];
  return new Promise((resolve, reject) =>
    h({ request, benchNodeId: nodeId, getPeer: () => 'ipv4:127.0.0.1:40000' }, (err, res) =>
      err ? reject(new Error(`${method} of ${nodeId}: ${(err as Error).message}`)) : resolve(res as Res),
    ),
  );
}

/** Reports every task it is given as running; no container is involved. */
class FakeExecutorForBench {
  constructor(private readonly report: (taskId: string, status: TaskStatus) => void) {}

  assign(task: Task): void {
    if (task.desiredState !== 'RUNNING' || task.status?.state !== 'ASSIGNED') return;
    this.report(task.id, {
      state: 'RUNNING',
      message: 'started (fake executor)',
      err: '',
      timestamp: Date.now(),
      container: null,
      portStatus: null,
    });
  }
}

/** One worker agent: registers, heartbeats, follows its assignments, flushes task states. */
class FakeAgentForBench {
  private sessionId = '';
  private readonly queue = new Map<string, TaskStatus>();
  private flushTimer: NodeJS.Timeout | undefined;
  private heartbeat: NodeJS.Timeout | undefined;
  private readonly executor = new FakeExecutorForBench((id, s) => this.put(id, s));
  private closeStream: (() => void) | undefined;

  constructor(
    readonly nodeId: string,
    private readonly handlers: Handlers,
    private readonly encodeAssignments: (msg: AssignmentsMessage) => void,
    private readonly onError: (err: unknown) => void,
  ) {}

  async start(): Promise<void> {
    const r = await callUnary<{ sessionId: string; heartbeatPeriodNs: number }>(
      this.handlers,
      'Register',
      this.nodeId,
      {
        description: {
          hostname: `host-${this.nodeId}`,
          platform: { os: 'linux', architecture: 'x86_64' },
          resources: { nanoCpus: 64e9, memoryBytes: 256e9 },
        },
      },
    );
    this.sessionId = r.sessionId;
    const periodMs = Number(r.heartbeatPeriodNs) / 1e6;
    this.heartbeat = setInterval(() => {
      callUnary(this.handlers, 'Heartbeat', this.nodeId, { sessionId: this.sessionId }).catch(this.onError);
    }, periodMs);
    const listeners = new Map<string, () => void>();
    const stream = {
      request: { sessionId: this.sessionId },
      benchNodeId: this.nodeId,
      getPeer: () => 'ipv4:127.0.0.1:40000',
      write: (msg: AssignmentsMessage) => {
        this.encodeAssignments(msg);
        for (const c of msg.changes ?? [])
          if (c.action === 'UPDATE') this.executor.assign(c.assignment!.task as Task);
        return true;
      },
      end: () => {},
      on: (ev: string, fn: () => void) => listeners.set(ev, fn),
      emit: (_ev: string, err: unknown) => this.onError(err),
    };
    this.handlers.Assignments(stream as never);
    this.closeStream = () => listeners.get('cancelled')?.();
  }

  stop(): void {
    if (this.heartbeat) clearInterval(this.heartbeat);
    if (this.flushTimer) clearTimeout(this.flushTimer);
    this.closeStream?.();
  }

  private put(taskId: string, status: TaskStatus): void {
    this.queue.set(taskId, status);
    this.flushTimer ??= setTimeout(() => void this.flush(), AGENT_FLUSH_MS);
  }

  private async flush(): Promise<void> {
    this.flushTimer = undefined;
    const updates = [...this.queue].map(([taskId, status]) => ({ taskId, status }));
    this.queue.clear();
    await callUnary(this.handlers, 'UpdateTaskStatus', this.nodeId, {
      sessionId: this.sessionId,
      updates,
    }).catch(this.onError);
  }
}

export async function run(argv: string[]): Promise<Figures> {
  const args = argv.filter((a) => !a.startsWith('--'));
  const nodes = Number(args[0] ?? 1000);
  const services = Number(args[1] ?? 20);
  const replicas = Number(args[2] ?? 1000);
  const total = services * replicas;
  const errors: unknown[] = [];
  const onError = (e: unknown) => errors.push(e);

  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shoal-bench-scale-'));
  const local = new MemoryStore();
  const raft = await RaftNode.start<SlimApplyResult>({
    id: 1,
    dataDir: path.join(dir, 'raft'),
    listen: '127.0.0.1:0',
    stateMachine: storeStateMachine(local),
    bootstrap: [1],
    tickMs: 100,
    electionTicks: 10,
  });
  try {
    while (!raft.isLeader) await new Promise((r) => setTimeout(r, 10));
    const store = new ProposingStore(local, (data) => raft.propose(data));
    // The agents' identity comes from their TLS certificate in production; here from the call.
    const authenticator = {
      requireRole: (call: { benchNodeId?: string }) => ({
        nodeId: call.benchNodeId ?? 'manager1',
        role: 'worker',
      }),
    } as unknown as PeerAuthenticator;
    const ctx = new ManagerContext(
      'manager1',
      'cluster1',
      raft,
      local,
      store,
      authenticator,
      () => {
        throw new Error('no credentials in the benchmark');
      },
      '127.0.0.1:2377',
      `127.0.0.1:${raft.port}`,
      silentLogger,
    );

    // Nodes as the CA records them when they join, then each agent registers (READY).
    for (let i = 0; i < nodes; i += 1000) {
      await store.update((tx) => {
        for (let n = i; n < Math.min(nodes, i + 1000); n++) {
          tx.nodes.create({
            id: `node${n}`,
            role: 'worker',
            spec: {
              desiredRole: 'worker',
              membership: 'ACCEPTED',
              availability: 'ACTIVE',
              annotations: { labels: { zone: `z${n % 3}` } },
            },
            description: { hostname: `host-node${n}` },
            // DOWN until its agent registers: a new leader's grace then applies to no one.
            status: { state: 'DOWN', addr: '' },
          });
        }
      });
    }
    // Production heartbeat timing (500 ms period, down after 1.5 s of silence).
    const dispatcher = new Dispatcher(ctx);
    dispatcher.start();
    const handlers = dispatcher.handlers();
    const messageType = protobuf
      .loadSync(path.join(protoDir(), 'dispatcher.proto'))
      .lookupType('shoal.dispatcher.AssignmentsMessage');
    let assignmentBytes = 0;
    const encode = (msg: AssignmentsMessage) => {
      assignmentBytes += messageType.encode(messageType.fromObject(msg)).finish().length;
    };
    const agents = Array.from(
      { length: nodes },
      (_, i) => new FakeAgentForBench(`node${i}`, handlers, encode, onError),
    );
    // In waves, as hosts come up: 1,000 registrations at once would outlast the
    // heartbeat grace (each is a raft write) and expire the first before it is answered.
    const t0 = Date.now();
    for (let i = 0; i < agents.length; i += 100)
      await Promise.all(agents.slice(i, i + 100).map((a) => a.start()));
    console.log(
      `registered ${agents.length} agents in ${Date.now() - t0} ms; raft ${JSON.stringify(raft.metrics)}`,
    );
    const down = local.list('nodes').filter((n) => n.status?.state !== 'READY').length;
    if (down) throw new Error(`${down} nodes are not READY after registering`);
    const controllers = new LeaderControllers(ctx);
    controllers.start();

    let running = 0;
    let created = 0;
    let assigned = 0;
    const phases: Record<string, number> = {};
    const mark = (name: string) => (phases[name] ??= Number(process.hrtime.bigint() - started) / 1e6);
    const unsubscribe = local.subscribe({ tables: ['tasks'] }, (events) => {
      for (const e of events) {
        const t = e.object as Task;
        if (e.kind === 'create') created++;
        if (e.kind === 'update' && t.nodeId && !(e.old as Task).nodeId) assigned++;
        if (
          e.kind === 'update' &&
          t.status?.state === 'RUNNING' &&
          (e.old as Task).status?.state !== 'RUNNING'
        )
          running++;
      }
      if (created >= total) mark('created_ms');
      if (assigned >= total) mark('assigned_ms');
    });
    const proposalsBefore = raft.metrics.applied;
    const syncsBefore = raft.metrics.syncs;

    const loopDelay = monitorEventLoopDelay({ resolution: 10 });
    loopDelay.enable();
    const started = process.hrtime.bigint();
    const cpuBefore = process.cpuUsage();
    await Promise.all(
      Array.from({ length: services }, (_, s) =>
        serviceMethods.CreateService(
          {
            spec: {
              annotations: { name: `svc${s}` },
              task: {
                container: { image: 'busybox' },
                resources: { reservations: { nanoCpus: 1e7, memoryBytes: 1e6 } },
                placement: s % 2 === 0 ? { preferences: [{ spread: 'node.labels.zone' }] } : null,
              },
              mode: 'replicated',
              replicated: { replicas },
            },
          } as never,
          ctx,
        ),
      ),
    );
    const deadline = Date.now() + 120_000;
    while (running < total && errors.length === 0 && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 5));
    }
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    const cpu = process.cpuUsage(cpuBefore);
    const rss = process.memoryUsage().rss / (1024 * 1024);
    loopDelay.disable();
    const maxBlockMs = loopDelay.max / 1e6;
    const entries = raft.metrics.applied - proposalsBefore;
    const syncs = raft.metrics.syncs - syncsBefore;
    unsubscribe();
    controllers.stop();
    for (const a of agents) a.stop();
    dispatcher.stop();
    if (errors.length) throw errors[0];
    if (running < total) throw new Error(`only ${running} of ${total} tasks running after 120 s`);
    const perNode = local.tasksByNode('node0').length;
    console.log(`${total} tasks running on ${nodes} nodes in ${ms.toFixed(0)} ms (node0 holds ${perNode})`);
    console.log(
      `raft: ${entries} entries applied, ${syncs} fsyncs; assignments sent: ${(assignmentBytes / 1e6).toFixed(1)} MB`,
    );
    return {
      scale_20k_ms: Math.round(ms),
      manager_rss_mb: Math.round(rss),
      nodes,
      tasks: total,
      created_ms: Math.round(phases.created_ms ?? -1),
      assigned_ms: Math.round(phases.assigned_ms ?? -1),
      cpu_ms: Math.round((cpu.user + cpu.system) / 1000),
      max_event_loop_block_ms: Math.round(maxBlockMs),
      raft_entries: entries,
      raft_fsyncs: syncs,
      path: 'control API, raft (1 member, fsync), store, orchestrator, scheduler, dispatcher; in-process fake agents',
    };
  } finally {
    await raft.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
