// Where tasks really run, on a real lab of 3 managers + 2 workers (each host its own
// dockerd and shoald, formed through the CLI): every placement is checked in the
// containers each host's own dockerd runs, not only in what the managers say.
//   - constraints on role, hostname and node labels, and a label removed under a running
//     service moves its tasks;
//   - spread: placement preferences over zones, even spread of a plain service, the
//     per-node replica limit leaving a task pending with the reason;
//   - restart policy after `docker kill` of a task's container: any (default), none,
//     max attempts, delay; and the task history kept per slot;
//   - drain empties a node, and it takes new tasks again once active; a global service
//     follows label changes and drain.
// One lab for the file; each test leaves no service, node label or drained node behind.
import { sweepLab } from '../../../deploy/lab/sweeper';
import type { Node, Task } from '../../../proto/api-types';
import type { GetClusterResponse__Output } from '../../../proto/gen/shoal/api/GetClusterResponse';
import { Container, countByHost, LabCluster, sleep, TaskRow, waitFor } from '../../support/lab-cluster';
import { testLabName } from '../../support/lab-fixture';

jest.setTimeout(240_000);

const NAME = testLabName();
let c: LabCluster;
let image: string;

const shoal = (args: string[]): string => c.shoal(c.via, args);

/** Running containers of the service per host (every lab host listed, 0 included). */
const perHost = async (service: string): Promise<Record<string, number>> =>
  countByHost(await c.containers(service), c.hosts);

/** Waits until the service's running containers per host are exactly `expected`. */
const waitPerHost = (service: string, expected: Record<string, number>): Promise<Record<string, number>> =>
  waitFor(
    `${service} running ${JSON.stringify(expected)}`,
    async () => {
      const counts = await perHost(service);
      return c.hosts.every((h) => counts[h] === expected[h]) ? counts : undefined;
    },
    60_000,
    300,
  );

const sum = (counts: Record<string, number>, hosts: string[]): number =>
  hosts.reduce((n, h) => n + (counts[h] ?? 0), 0);

function label(host: string, kv: string): void {
  shoal(['node', 'update', '--label-add', kv, host]);
}

/** Back to a plain cluster: no services, every node active and without labels. */
async function reset(): Promise<void> {
  await c.removeServices();
  const nodes = JSON.parse(shoal(['node', 'inspect', ...c.hosts])) as Node[];
  for (const n of nodes) {
    const labels = Object.keys(n.spec?.annotations?.labels ?? {});
    if (labels.length === 0 && (n.spec?.availability ?? 'ACTIVE') === 'ACTIVE') continue;
    shoal([
      'node',
      'update',
      '--availability',
      'active',
      ...labels.flatMap((l) => ['--label-rm', l]),
      n.description!.hostname,
    ]);
  }
}

const slotTasks = async (service: string, slot: number): Promise<Task[]> =>
  (await c.tasks(service)).filter((t) => t.slot === slot);

const stateOf = (t: Task): string => t.status?.state ?? 'NEW';

/**
 * Waits until the slot's task runs (in the store and as a container), then `docker
 * kill`s its container on its host. Returns the killed task and container.
 */
async function killSlot(service: string, slot: number): Promise<{ task: Task; container: Container }> {
  const found = await waitFor(
    `${service}.${slot} running`,
    async () => {
      const live = (await slotTasks(service, slot)).filter(
        (t) => t.desiredState === 'RUNNING' && stateOf(t) === 'RUNNING',
      );
      if (live.length !== 1) return undefined;
      const container = (await c.containers(service)).find((x) => x.taskId === live[0].id);
      return container ? { task: live[0], container } : undefined;
    },
    60_000,
    200,
  );
  await c.docker(found.container.host).getContainer(found.container.id).kill();
  return found;
}

/** Waits until the store has the task FAILED and told to stay down (the orchestrator has seen it). */
const settledFailed = (service: string, taskId: string): Promise<Task> =>
  waitFor(
    `task ${taskId} Failed and desired Shutdown`,
    async () =>
      (await c.tasks(service)).find(
        (t) => t.id === taskId && stateOf(t) === 'FAILED' && t.desiredState === 'SHUTDOWN',
      ),
    60_000,
    200,
  );

/**
 * A one-replica service whose task is killed `kills` times (restarted at once each
 * time); returns the killed task ids, oldest first, and `service ps` once it lists
 * `keep` tasks of the slot.
 */
async function restartAndReap(
  service: string,
  kills: number,
  keep: number,
): Promise<{ killed: string[]; rows: TaskRow[] }> {
  shoal(['service', 'create', '--name', service, '--replicas', '1', '--restart-delay', '0s', image]);
  const killed: string[] = [];
  for (let i = 0; i < kills; i++) killed.push((await killSlot(service, 1)).task.id);
  await c.waitRunning(service, 1);
  const rows = await waitFor(
    `${service}: the slot reaped to ${keep} tasks`,
    () => {
      const r = c.ps(service);
      return r.length === keep ? r : undefined;
    },
    30_000,
    300,
  );
  return { killed, rows };
}

/** Sets the cluster's task history limit as an operator does, with `shoal update`. */
async function setHistoryLimit(limit: number): Promise<void> {
  expect(shoal(['update', '--task-history-limit', String(limit)])).toContain('Cluster updated.');
  const { cluster } = await c.control<GetClusterResponse__Output>('GetCluster', {});
  expect(Number(cluster!.spec!.orchestration!.taskHistoryRetentionLimit)).toBe(limit);
}

beforeAll(async () => {
  c = await LabCluster.up(NAME, 3, 2);
  image = `${c.lab.registry}/lab/app:1`;
}, 240_000);

afterEach(async () => {
  await reset();
});

afterAll(async () => {
  await sweepLab(NAME);
});

describe('constraints', () => {
  test('node.role==worker runs only on w1/w2; node.hostname!=m1 runs everywhere but m1', async () => {
    shoal([
      'service',
      'create',
      '-d',
      '--name',
      'onworkers',
      '--replicas',
      '4',
      '--constraint',
      'node.role==worker',
      image,
    ]);
    shoal([
      'service',
      'create',
      '-d',
      '--name',
      'notm1',
      '--replicas',
      '4',
      '--constraint',
      'node.hostname!=m1',
      image,
    ]);
    await c.waitRunning('onworkers', 4);
    await c.waitRunning('notm1', 4);
    expect(await perHost('onworkers')).toEqual({ m1: 0, m2: 0, m3: 0, w1: 2, w2: 2 });
    // Fewest tasks of the service first: one on each of the four allowed nodes.
    expect(await perHost('notm1')).toEqual({ m1: 0, m2: 1, m3: 1, w1: 1, w2: 1 });
  });

  test('node.labels.zone==a follows the label: removing it from a node moves its tasks', async () => {
    label('w1', 'zone=a');
    label('w2', 'zone=a');
    shoal([
      'service',
      'create',
      '--name',
      'zoned',
      '--replicas',
      '4',
      '--constraint',
      'node.labels.zone==a',
      image,
    ]);
    expect(await perHost('zoned')).toEqual({ m1: 0, m2: 0, m3: 0, w1: 2, w2: 2 });
    const onW1 = (await c.containers('zoned', { hosts: ['w1'] })).map((x) => x.slot).sort();

    shoal(['node', 'update', '--label-rm', 'zone', 'w1']);
    const moved = await waitFor(
      'zoned: all 4 on w2, none left on w1',
      async () => {
        const all = await c.containers('zoned', { all: true });
        const running = all.filter((x) => x.state === 'running');
        const leftOnW1 = all.filter((x) => x.host === 'w1' && x.state === 'running');
        return running.length === 4 && leftOnW1.length === 0 ? running : undefined;
      },
      60_000,
      300,
    );
    expect(countByHost(moved, c.hosts)).toEqual({ m1: 0, m2: 0, m3: 0, w1: 0, w2: 4 });
    // The moved slots kept their numbers: still exactly one task per slot 1..4.
    expect(moved.map((x) => x.slot).sort()).toEqual([1, 2, 3, 4]);
    const tasks = c.ps('zoned');
    expect(tasks.filter((t) => t.DesiredState === 'Running').every((t) => t.Node === 'w2')).toBe(true);
    // w1's old tasks were told to shut down: moved, not restarted.
    const old = tasks.filter((t) => t.Node === 'w1');
    expect(old).toHaveLength(onW1.length);
    for (const t of old) expect(t.DesiredState).toBe('Shutdown');
  });
});

describe('spread', () => {
  test('--placement-pref spread=node.labels.zone balances the zones, then the nodes inside each', async () => {
    // zone a: 3 nodes, zone b: 2 nodes. Without the preference 6 tasks would go one per
    // node first (a gets 3 or 4); with it each zone gets half.
    for (const h of ['m1', 'm2', 'w1']) label(h, 'zone=a');
    for (const h of ['m3', 'w2']) label(h, 'zone=b');
    shoal([
      'service',
      'create',
      '--name',
      'spread',
      '--replicas',
      '6',
      '--placement-pref',
      'spread=node.labels.zone',
      image,
    ]);
    const counts = await perHost('spread');
    expect(sum(counts, ['m1', 'm2', 'w1'])).toBe(3);
    expect(sum(counts, ['m3', 'w2'])).toBe(3);
    expect([counts.m1, counts.m2, counts.w1]).toEqual([1, 1, 1]);
    expect([counts.m3, counts.w2].sort()).toEqual([1, 2]);
  });

  test('10 replicas over 5 nodes: 2 on every host', async () => {
    shoal(['service', 'create', '--name', 'even', '--replicas', '10', image]);
    expect(await perHost('even')).toEqual({ m1: 2, m2: 2, m3: 2, w1: 2, w2: 2 });
  });

  test('--replicas-max-per-node 1 with 6 replicas on 5 nodes: 5 running, 1 pending with the reason', async () => {
    const r = c.tryShoal(c.via, [
      'service',
      'create',
      '--name',
      'capped',
      '--replicas',
      '6',
      '--replicas-max-per-node',
      '1',
      image,
    ]);
    // It cannot converge, and says why.
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(/1 of 6 tasks cannot be placed: no suitable node .*max replicas per node/);
    expect(await perHost('capped')).toEqual({ m1: 1, m2: 1, m3: 1, w1: 1, w2: 1 });
    const pending = c.ps('capped').filter((t) => t.CurrentState.startsWith('Pending'));
    expect(pending).toHaveLength(1);
    expect(pending[0].Node).toBe('');
    expect(pending[0].Error).toMatch(/no suitable node \(max replicas per node limit exceed/);
  });
});

describe('restart policy (container killed with docker kill)', () => {
  test('default (any, 5 s delay): a new task runs the slot in a new container after the delay; the old one shows Failed', async () => {
    shoal(['service', 'create', '--name', 'phoenix', '--replicas', '1', image]);
    const { task: old, container } = await killSlot('phoenix', 1);
    const failed = await settledFailed('phoenix', old.id);
    // Inside the delay: the slot has no task but the failed one.
    expect((await slotTasks('phoenix', 1)).map((t) => t.id)).toEqual([old.id]);

    const [now] = await c.waitRunning('phoenix', 1);
    expect(now.slot).toBe(1);
    expect(now.id).not.toBe(container.id);
    expect(now.taskId).not.toBe(old.id);
    const replacement = (await slotTasks('phoenix', 1)).find((t) => t.id === now.taskId)!;
    // Made no earlier than the default restart delay after the failure.
    expect(replacement.meta!.createdAt).toBeGreaterThanOrEqual(failed.status!.timestamp + 5_000);
    const rows = c.ps('phoenix');
    expect(rows.map((t) => [t.Name, t.DesiredState, t.CurrentState.split(' ')[0]])).toEqual([
      ['phoenix.1', 'Running', 'Running'],
      ['phoenix.1', 'Shutdown', 'Failed'],
    ]);
    expect(rows[1].ID).toBe(old.id.slice(0, 12));
  });

  test('--restart-delay 10s: no replacement inside the delay, one after it', async () => {
    shoal(['service', 'create', '--name', 'slow', '--replicas', '1', '--restart-delay', '10s', image]);
    const { task: old } = await killSlot('slow', 1);
    const failed = await settledFailed('slow', old.id);
    expect((await slotTasks('slow', 1)).map((t) => t.id)).toEqual([old.id]);
    expect(await c.containers('slow')).toHaveLength(0);
    expect(c.services().find((s) => s.Name === 'slow')?.Replicas).toBe('0/1');

    const [now] = await c.waitRunning('slow', 1);
    const replacement = (await slotTasks('slow', 1)).find((t) => t.id === now.taskId)!;
    expect(replacement.meta!.createdAt).toBeGreaterThanOrEqual(failed.status!.timestamp + 10_000);
  });

  test('--restart-condition none: the killed task is not replaced', async () => {
    // A delay of 0 would restart in the same orchestrator pass that shuts the failed task down.
    shoal([
      'service',
      'create',
      '--name',
      'once',
      '--replicas',
      '1',
      '--restart-condition',
      'none',
      '--restart-delay',
      '0s',
      image,
    ]);
    const { task: old } = await killSlot('once', 1);
    await settledFailed('once', old.id);
    await sleep(2_000);
    expect((await slotTasks('once', 1)).map((t) => t.id)).toEqual([old.id]);
    expect(await c.containers('once')).toHaveLength(0);
    expect(c.services().find((s) => s.Name === 'once')?.Replicas).toBe('0/1');
  });

  test('--restart-max-attempts 2: after 2 restarts a third kill leaves the slot down', async () => {
    shoal([
      'service',
      'create',
      '--name',
      'twice',
      '--replicas',
      '1',
      '--restart-max-attempts',
      '2',
      '--restart-delay',
      '0s',
      image,
    ]);
    const killed: string[] = [];
    for (let i = 0; i < 3; i++) {
      const { task } = await killSlot('twice', 1);
      killed.push(task.id);
      await settledFailed('twice', task.id);
    }
    await sleep(2_000);
    const tasks = await slotTasks('twice', 1);
    expect(tasks.map((t) => t.id).sort()).toEqual([...killed].sort());
    expect(tasks.every((t) => stateOf(t) === 'FAILED' && t.desiredState === 'SHUTDOWN')).toBe(true);
    expect(await c.containers('twice')).toHaveLength(0);
    expect(c.ps('twice').map((t) => t.CurrentState.split(' ')[0])).toEqual(['Failed', 'Failed', 'Failed']);
  });

  test('task history: after 6 restarts of a slot, service ps keeps 5 tasks of it (the running one + 4 failed)', async () => {
    // Docker's default task history limit (5) counts the slot's current task too.
    const { killed, rows } = await restartAndReap('history', 6, 5);
    expect(rows.map((t) => t.Name)).toEqual(Array(5).fill('history.1'));
    expect(rows.map((t) => t.CurrentState.split(' ')[0])).toEqual([
      'Running',
      'Failed',
      'Failed',
      'Failed',
      'Failed',
    ]);
    // The newest failures are kept, the oldest deleted.
    expect(rows.slice(1).map((t) => t.ID)).toEqual(
      killed
        .slice(2)
        .reverse()
        .map((id) => id.slice(0, 12)),
    );
  });

  test('shoal update --task-history-limit 2 (as swarm update): the running task + 1 failed; bad values named', async () => {
    for (const bad of ['two', '1.5', ''])
      expect(c.tryShoal(c.via, ['update', '--task-history-limit', bad]).stderr).toContain(
        '--task-history-limit',
      );
    expect(c.tryShoal(c.via, ['update']).stderr).toContain('nothing to update');
    await setHistoryLimit(2);
    try {
      const { killed, rows } = await restartAndReap('short', 3, 2);
      expect(rows.map((t) => t.CurrentState.split(' ')[0])).toEqual(['Running', 'Failed']);
      expect(rows[1].ID).toBe(killed[2].slice(0, 12));
    } finally {
      await setHistoryLimit(5);
    }
  });
});

describe('drain and node changes', () => {
  test('drain w1: its containers go and the replicas run on the other nodes; active again, a scale-up uses w1', async () => {
    shoal(['service', 'create', '--name', 'drained', '--replicas', '5', image]);
    expect(await perHost('drained')).toEqual({ m1: 1, m2: 1, m3: 1, w1: 1, w2: 1 });

    shoal(['node', 'update', '--availability', 'drain', 'w1']);
    const after = await waitFor(
      'drained: 5 running, none on w1',
      async () => {
        const running = await c.containers('drained');
        return running.length === 5 && !running.some((x) => x.host === 'w1') ? running : undefined;
      },
      60_000,
      300,
    );
    expect(after.map((x) => x.slot).sort()).toEqual([1, 2, 3, 4, 5]);
    expect(c.runningTasks('drained').every((t) => t.Node !== 'w1')).toBe(true);

    shoal(['node', 'update', '--availability', 'active', 'w1']);
    shoal(['service', 'scale', 'drained=8']);
    const counts = await perHost('drained');
    expect(sum(counts, c.hosts)).toBe(8);
    expect(counts.w1).toBeGreaterThanOrEqual(1);
  });

  test('a global service follows label changes and drain: a task starts on a node given the label, leaves it when drained or unlabelled', async () => {
    label('w1', 'zone=a');
    shoal([
      'service',
      'create',
      '--name',
      'zonal',
      '--mode',
      'global',
      '--constraint',
      'node.labels.zone==a',
      image,
    ]);
    expect(await perHost('zonal')).toEqual({ m1: 0, m2: 0, m3: 0, w1: 1, w2: 0 });

    label('w2', 'zone=a');
    await waitPerHost('zonal', { m1: 0, m2: 0, m3: 0, w1: 1, w2: 1 });
    shoal(['node', 'update', '--availability', 'drain', 'w1']);
    await waitPerHost('zonal', { m1: 0, m2: 0, m3: 0, w1: 0, w2: 1 });
    shoal(['node', 'update', '--label-rm', 'zone', 'w2']);
    await waitPerHost('zonal', { m1: 0, m2: 0, m3: 0, w1: 0, w2: 0 });
    expect(c.ps('zonal').filter((t) => t.DesiredState === 'Running')).toHaveLength(0);
  });
});
