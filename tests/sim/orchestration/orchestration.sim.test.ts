// Deterministic simulation of the control loop: orchestrator + scheduler + simulated
// agents over one MemoryStore, driven by a seeded random schedule of events (scale,
// node down/up, drain, label changes, task failures, controllers restarted as after a
// leader change, sometimes with a stale plan from the old leader landing late).
// Safety invariants are checked after every round; convergence invariants once the
// system is left alone.
import type { Node, Service, Task } from '../../../manager/api-types';
import { globalFit, hasExited, isWanted, Orchestrator, stateOf } from '../../../manager/orchestrator';
import { NodeSet, Scheduler, scheduleBatch } from '../../../manager/scheduler';
import { MemoryStore, ProposingStore } from '../../../manager/store';

function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const NODE_IDS = ['n1', 'n2', 'n3', 'n4', 'n5', 'n6'];
const REPLICATED = ['web', 'api'];
const GLOBAL = 'mon';

/** Plays the worker agents: starts assigned tasks, stops tasks told to stop. Nodes that are down do nothing. */
class SimulatedAgents {
  constructor(
    private readonly store: ProposingStore,
    private readonly now: () => number,
  ) {}

  async step(): Promise<number> {
    const local = this.store.local;
    const changes: Task[] = [];
    for (const t of local.list('tasks')) {
      const node = t.nodeId ? local.get('nodes', t.nodeId) : undefined;
      if (!node || node.status?.state !== 'READY' || hasExited(t)) continue;
      const s = stateOf(t);
      let next: Task['desiredState'] | undefined;
      if (!isWanted(t)) next = 'SHUTDOWN';
      else if (s === 'ASSIGNED') next = 'STARTING';
      else if (s === 'STARTING') next = 'RUNNING';
      if (next) changes.push({ ...t, status: { ...t.status!, state: next, timestamp: this.now() } });
    }
    if (changes.length === 0) return 0;
    await this.store.update((tx) => {
      for (const t of changes) tx.tasks.update(t);
    });
    return changes.length;
  }
}

class Sim {
  readonly local = new MemoryStore();
  now = 1_700_000_000_000;
  readonly store = new ProposingStore(this.local, async (d) => this.local.apply(d), {
    clock: () => this.now,
  });
  private idSeq = 0;
  orch!: Orchestrator;
  sched!: Scheduler;
  readonly agents = new SimulatedAgents(this.store, () => this.now);
  readonly log: string[] = [];

  constructor(readonly random: () => number) {
    this.startControllers();
  }

  pick<T>(xs: readonly T[]): T {
    return xs[Math.floor(this.random() * xs.length)];
  }

  startControllers(): void {
    this.orch?.stop();
    this.sched?.stop();
    const newId = () => `task${++this.idSeq}`;
    this.orch = new Orchestrator(this.store, {
      clock: () => this.now,
      newId,
      initialState: 'PENDING',
      manual: true,
      orphanAfterMs: 60_000,
    });
    this.sched = new Scheduler(this.store, { clock: () => this.now, manual: true });
    this.orch.start();
    this.sched.start();
  }

  async setup(): Promise<void> {
    await this.store.update((tx) => {
      for (const id of NODE_IDS) {
        tx.nodes.create({
          id,
          role: 'worker',
          spec: { annotations: { labels: { zone: this.pick(['a', 'b']) } }, availability: 'ACTIVE' },
          status: { state: 'READY' },
          description: { hostname: id, resources: { nanoCpus: 8e9, memoryBytes: 16e9 } },
        });
      }
      const restart = { condition: 'ANY', delayNs: this.pick([0, 2e9]) };
      for (const name of REPLICATED) {
        tx.services.create({
          id: name,
          specVersion: 1,
          spec: {
            annotations: { name },
            task: {
              container: { image: 'busybox' },
              restart,
              placement: { preferences: [{ spread: 'node.labels.zone' }] },
              resources: { reservations: { nanoCpus: 1e8 } },
            },
            replicated: { replicas: 1 + Math.floor(this.random() * 5) },
          },
        });
      }
      tx.services.create({
        id: GLOBAL,
        specVersion: 1,
        spec: {
          annotations: { name: GLOBAL },
          task: {
            container: { image: 'busybox' },
            restart,
            placement: { constraints: ['node.labels.zone==a'] },
          },
          global: {},
        },
      });
    });
  }

  private nodes(): Node[] {
    return this.local.list('nodes');
  }

  private async updateNode(id: string, change: (n: Node) => Node): Promise<void> {
    await this.store.update((tx) => tx.nodes.update(change(tx.nodes.get(id)!)));
  }

  /** One random disturbance. */
  async event(): Promise<void> {
    const r = this.random();
    const ready = this.nodes().filter(
      (n) => n.status?.state === 'READY' && n.spec?.availability === 'ACTIVE',
    );
    if (r < 0.15) {
      const name = this.pick(REPLICATED);
      const replicas = Math.floor(this.random() * 8);
      this.log.push(`scale ${name}=${replicas}`);
      await this.store.update((tx) => {
        const s = tx.services.get(name)!;
        s.spec!.replicated!.replicas = replicas;
        s.specVersion++;
        tx.services.update(s);
      });
    } else if (r < 0.3) {
      const n = this.pick(this.nodes());
      const down = n.status?.state === 'READY';
      if (down && ready.length <= 1) return; // keep one node to run things on
      this.log.push(`node ${n.id} ${down ? 'down' : 'up'}`);
      await this.updateNode(n.id, (x) => ({
        ...x,
        status: { ...x.status!, state: down ? 'DOWN' : 'READY' },
      }));
    } else if (r < 0.42) {
      const n = this.pick(this.nodes());
      const drain = n.spec?.availability === 'ACTIVE';
      if (drain && ready.length <= 1) return;
      this.log.push(`node ${n.id} ${drain ? 'drain' : 'active'}`);
      await this.updateNode(n.id, (x) => ({
        ...x,
        spec: { ...x.spec!, availability: drain ? 'DRAIN' : 'ACTIVE' },
      }));
    } else if (r < 0.52) {
      const n = this.pick(this.nodes());
      const zone = n.spec?.annotations?.labels?.zone === 'a' ? 'b' : 'a';
      this.log.push(`node ${n.id} zone=${zone}`);
      await this.updateNode(n.id, (x) => ({
        ...x,
        spec: { ...x.spec!, annotations: { ...x.spec!.annotations!, labels: { zone } } },
      }));
    } else if (r < 0.75) {
      const running = this.local.list('tasks').filter((t) => isWanted(t) && stateOf(t) === 'RUNNING');
      if (running.length === 0) return;
      const t = this.pick(running);
      this.log.push(`task ${t.id} (${t.serviceId}.${t.slot || t.nodeId}) fails`);
      await this.store.update((tx) =>
        tx.tasks.update({ ...t, status: { ...t.status!, state: 'FAILED', timestamp: this.now } }),
      );
    } else if (r < 0.85) {
      this.log.push('leader change');
      this.startControllers();
    } else {
      // The old leader planned but its writes land after the new leader's: they must
      // fail on versions (or find nothing left to change), never duplicate a slot.
      this.log.push('leader change with stale plans in flight');
      const plans = this.local.list('services').map((s) => this.orch.plan(s.id));
      const staleSched = scheduleBatch(
        NodeSet.from(this.local.list('nodes'), this.local.list('tasks')),
        this.local.list('tasks').filter((t) => t.status?.state === 'PENDING' && isWanted(t)),
        { now: this.now },
      );
      const oldOrch = this.orch;
      this.startControllers();
      await this.round();
      for (const p of plans) await oldOrch.write(p);
      if (staleSched.assigned.length > 0) {
        await this.store
          .update((tx) => {
            for (const t of staleSched.assigned) tx.tasks.update(t);
          })
          .catch(() => undefined);
      }
      this.checkSafety('after stale plans');
    }
  }

  /** One round of every controller; returns how many writes happened. */
  async round(): Promise<number> {
    this.now += 1000;
    let writes = 0;
    writes += (await this.orch.runOnce()).written;
    for (;;) {
      const r = await this.sched.runOnce();
      writes += r.assigned;
      if (!r.more) break;
    }
    writes += await this.agents.step();
    this.checkSafety('round');
    return writes;
  }

  async settle(): Promise<void> {
    for (let i = 0; i < 60; i++) {
      if ((await this.round()) === 0 && (await this.round()) === 0) return;
    }
    throw new Error(`no convergence after 60 rounds\n${this.log.join('\n')}`);
  }

  fail(what: string): never {
    throw new Error(`${what}\nevents:\n${this.log.join('\n')}`);
  }

  /** Must hold at every moment. */
  checkSafety(when: string): void {
    this.local.checkIndexes();
    for (const s of this.local.list('services')) {
      const live = this.local.tasksByService(s.id).filter((t) => isWanted(t) && !hasExited(t));
      const key = (t: Task) => (s.spec?.mode === 'global' ? t.nodeId : String(t.slot));
      const seen = new Set<string>();
      for (const t of live) {
        if (seen.has(key(t))) this.fail(`${when}: two live tasks of ${s.id} in ${key(t)}`);
        seen.add(key(t));
        if (s.spec?.mode === 'replicated' && (t.slot < 1 || t.slot > s.spec.replicated!.replicas)) {
          // A retired slot's task is desired REMOVE, so not wanted; none may stay wanted.
          this.fail(`${when}: ${s.id} task in slot ${t.slot} outside 1..${s.spec.replicated!.replicas}`);
        }
      }
    }
  }

  /** Must hold once nothing changes any more. */
  checkConverged(): void {
    const nodes = new Map(this.nodes().map((n) => [n.id, n]));
    const usable = (id: string) => {
      const n = nodes.get(id);
      return n?.status?.state === 'READY' && n.spec?.availability === 'ACTIVE';
    };
    for (const s of this.local.list('services')) {
      const tasks = this.local.tasksByService(s.id);
      const wanted = tasks.filter(isWanted);
      for (const t of wanted) {
        const n = nodes.get(t.nodeId);
        if (n && (n.status?.state === 'DOWN' || n.spec?.availability === 'DRAIN'))
          this.fail(
            `${s.id}: task ${t.id} still wanted on ${n.id} (${n.status?.state}/${n.spec?.availability})`,
          );
      }
      const running = wanted.filter((t) => stateOf(t) === 'RUNNING' && usable(t.nodeId));
      if (s.spec?.mode === 'replicated') {
        const n = s.spec.replicated!.replicas;
        const slots = running.map((t) => t.slot).sort((a, b) => a - b);
        const expected = Array.from({ length: n }, (_, i) => i + 1);
        if (JSON.stringify(slots) !== JSON.stringify(expected))
          this.fail(`${s.id}: running slots ${JSON.stringify(slots)}, expected 1..${n}`);
        if (wanted.length !== n) this.fail(`${s.id}: ${wanted.length} wanted tasks for ${n} replicas`);
      } else {
        const expected = [...nodes.values()]
          .filter((n) => globalFit(s as Service, n) === 'run')
          .map((n) => n.id);
        const got = running.map((t) => t.nodeId);
        if (JSON.stringify(got.sort()) !== JSON.stringify(expected.sort()))
          this.fail(`${s.id}: running on ${JSON.stringify(got)}, expected ${JSON.stringify(expected)}`);
      }
      // History: at most 5 dead tasks per slot (node) beyond those not yet confirmed dead.
      const perKey = new Map<string, number>();
      for (const t of tasks) {
        if (!hasExited(t)) continue;
        const k = s.spec?.mode === 'global' ? t.nodeId : String(t.slot);
        perKey.set(k, (perKey.get(k) ?? 0) + 1);
      }
      for (const [k, c] of perKey) if (c > 5) this.fail(`${s.id}/${k}: ${c} dead tasks kept (limit 5)`);
    }
  }
}

const SEEDS = Number(process.env.ORCH_SIM_SEEDS ?? 25);
const STEPS = 30;

describe('orchestration simulation', () => {
  jest.setTimeout(120_000);

  it(`converges and never duplicates a slot, over ${SEEDS} seeds x ${STEPS} events`, async () => {
    for (let seed = 1; seed <= SEEDS; seed++) {
      const sim = new Sim(rng(seed));
      await sim.setup();
      await sim.settle();
      sim.checkConverged();
      for (let step = 0; step < STEPS; step++) {
        await sim.event();
        // Sometimes let a few rounds pass before the next event, sometimes none.
        const rounds = Math.floor(sim.random() * 3);
        for (let i = 0; i < rounds; i++) await sim.round();
        if (step % 10 === 9) {
          await sim.settle();
          try {
            sim.checkConverged();
          } catch (err) {
            throw new Error(`seed ${seed} step ${step}: ${(err as Error).message}`, { cause: err });
          }
        }
      }
      await sim.settle();
      sim.checkConverged();
      sim.orch.stop();
      sim.sched.stop();
    }
  });

  it('the invariants can fail: a planted duplicate slot is caught', async () => {
    const sim = new Sim(rng(99));
    await sim.setup();
    await sim.settle();
    const t = sim.local.tasksByService('web').find((x) => isWanted(x))!;
    await sim.store.update((tx) => tx.tasks.create({ ...t, id: 'planted', meta: null }));
    expect(() => sim.checkSafety('planted')).toThrow(/two live tasks of web/);
  });
});
