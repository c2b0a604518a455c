// Control-plane scale: 1,000 nodes and 20,000 tasks (20 services x 1,000 replicas)
// created by the orchestrator, placed by the scheduler and reported running, all
// through the replicated store's transactions. The store applies locally (no raft, no
// network, no disk): this measures the orchestrator, the scheduler and the store's
// apply path. No container runs anywhere: FakeExecutorForBench just reports tasks as
// running, as an agent would.
import { Orchestrator } from '../../manager/orchestrator';
import { Scheduler } from '../../manager/scheduler';
import { MemoryStore, ProposingStore, StoreEvent, Transaction } from '../../manager/store';
import type { Task } from '../../manager/api-types';
import type { Figures } from '../run';

export const description =
  'schedule 20,000 tasks on 1,000 nodes and report them running (local store, fake executor)';

/** Stands in for every worker agent at once; reports each assigned task as running. */
class FakeExecutorForBench {
  private readonly assigned = new Set<string>();
  private scheduled = false;
  running = 0;

  constructor(private readonly store: ProposingStore) {
    store.local.subscribe({ tables: ['tasks'] }, (events) => this.onEvents(events));
  }

  private onEvents(events: StoreEvent[]): void {
    for (const e of events) {
      const t = e.object as Task;
      if (e.kind === 'update' && t.status?.state === 'RUNNING' && (e.old as Task).status?.state !== 'RUNNING')
        this.running++;
      if (e.kind !== 'delete' && t.status?.state === 'ASSIGNED' && t.desiredState === 'RUNNING')
        this.assigned.add(t.id);
    }
    if (this.assigned.size > 0 && !this.scheduled) {
      this.scheduled = true;
      setImmediate(() => void this.report());
    }
  }

  private async report(): Promise<void> {
    this.scheduled = false;
    const ids = [...this.assigned].slice(0, 5000);
    for (const id of ids) this.assigned.delete(id);
    const local = this.store.local;
    await this.store.update((tx) => {
      for (const id of ids) {
        const t = local.get('tasks', id);
        if (t?.status?.state === 'ASSIGNED')
          tx.tasks.update({
            ...t,
            status: { ...t.status, state: 'RUNNING', message: 'started', timestamp: Date.now() },
          });
      }
    });
    if (this.assigned.size > 0 && !this.scheduled) {
      this.scheduled = true;
      setImmediate(() => void this.report());
    }
  }
}

/**
 * `--fast-codec` is a what-if, not the real path: it applies proposals after a plain
 * JSON.parse instead of the store's byte-aware decoder (valid here because no task
 * carries bytes), to show how much of the time the transaction codec takes.
 */
export async function run(argv: string[]): Promise<Figures> {
  const fastCodec = argv.includes('--fast-codec');
  const args = argv.filter((a) => !a.startsWith('--'));
  const nodes = Number(args[0] ?? 1000);
  const services = Number(args[1] ?? 20);
  const replicas = Number(args[2] ?? 1000);
  const total = services * replicas;
  const local = new MemoryStore();
  const store = new ProposingStore(local, async (data) =>
    fastCodec
      ? local.applyTransaction(JSON.parse(Buffer.from(data).toString('utf8')) as Transaction)
      : local.apply(data),
  );
  await store.update((tx) => {
    for (let i = 0; i < nodes; i++) {
      tx.nodes.create({
        id: `node${i}`,
        role: 'worker',
        spec: { annotations: { labels: { zone: `z${i % 3}` } } },
        status: { state: 'READY' },
        description: { hostname: `host${i}`, resources: { nanoCpus: 64e9, memoryBytes: 256e9 } },
      });
    }
  });
  const errors: unknown[] = [];
  const orch = new Orchestrator(store, { initialState: 'PENDING', onError: (e) => errors.push(e) });
  const sched = new Scheduler(store, { onError: (e) => errors.push(e) });
  const executor = new FakeExecutorForBench(store);
  orch.start();
  sched.start();

  const started = process.hrtime.bigint();
  await store.update((tx) => {
    for (let s = 0; s < services; s++) {
      tx.services.create({
        id: `svc${s}`,
        specVersion: 1,
        spec: {
          annotations: { name: `svc${s}` },
          task: {
            container: { image: 'busybox' },
            resources: { reservations: { nanoCpus: 1e7, memoryBytes: 1e6 } },
            placement: s % 2 === 0 ? { preferences: [{ spread: 'node.labels.zone' }] } : null,
          },
          replicated: { replicas },
        },
      });
    }
  });
  const deadline = Date.now() + 120_000;
  while (executor.running < total && errors.length === 0 && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 5));
  }
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  orch.stop();
  sched.stop();
  if (errors.length) throw errors[0];
  if (executor.running < total)
    throw new Error(`only ${executor.running} of ${total} tasks running after 120 s`);
  const perNode = local.tasksByNode('node0').length;
  const rss = process.memoryUsage().rss / (1024 * 1024);
  console.log(`${total} tasks running on ${nodes} nodes in ${ms.toFixed(0)} ms (node0 holds ${perNode})`);
  console.log(
    `orchestrator: ${orch.stats.written} transactions, ${orch.stats.conflicts} conflicts; scheduler: ${sched.stats.passes} passes`,
  );
  return {
    scale_20k_ms: Math.round(ms),
    manager_rss_mb: Math.round(rss),
    nodes,
    tasks: total,
    store: fastCodec ? 'local apply (no raft), plain JSON.parse (what-if)' : 'local apply (no raft)',
  };
}
