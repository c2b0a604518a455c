// Services under crashes on a real lab (3 managers + 2 workers, each its own dockerd and
// shoald, formed through the CLI). One lab for the file; the tests run in order.
//  (a) a worker host dies: kill -9 of its shoald, its dockerd and its containers'
//      processes (dockerd killed alone leaves the containers running under their shims,
//      so that would not be a dead host). The node goes Down and its tasks come back on
//      the other hosts: exactly the desired count, one task per slot, checked in
//      `service ps` and in the real containers of the other hosts' daemons. When the host
//      comes back it runs none of the service's containers.
//  (b) the leader's shoald is killed -9 right after a scale-up 3 -> 12 was accepted: the
//      new leader finishes it with exactly slots 1..12 Running, no duplicates, no gaps;
//      once the old leader is back (its dockerd kept its containers running), the
//      containers on all hosts are exactly one per slot.
import { sweepLab } from '../../../deploy/lab/sweeper';
import { restartDockerd } from '../../../deploy/lab/swarm-reference';
import { LabCluster, waitFor } from '../../support/lab-cluster';
import { testLabName } from '../../support/lab-fixture';

jest.setTimeout(200_000);

const NAME = testLabName();
let c: LabCluster;

const slotsOf = (names: string[], service: string): number[] =>
  names.map((n) => Number(n.slice(service.length + 1))).sort((a, b) => a - b);

const range = (n: number): number[] => Array.from({ length: n }, (_, i) => i + 1);

beforeAll(async () => {
  c = await LabCluster.up(NAME, 3, 2);
}, 200_000);

afterAll(async () => {
  await sweepLab(NAME);
});

test('a worker host dies (shoald, dockerd, containers): its tasks come back elsewhere, one per slot', async () => {
  const via = c.managers[0];
  const image = `${c.lab.registry}/lab/app:1`;
  c.shoal(via, ['service', 'create', '--name', 'loss', '--replicas', '10', image]);
  const before = c.runningTasks('loss', via);
  expect(
    slotsOf(
      before.map((t) => t.Name),
      'loss',
    ),
  ).toEqual(range(10));
  // The worker with the most tasks (spread puts 2 on each of the 5 nodes).
  const victim = c.workers
    .map((w) => ({ w, n: before.filter((t) => t.Node === w).length }))
    .sort((a, b) => b.n - a.n)[0].w;
  const lost = before.filter((t) => t.Node === victim).length;
  expect(lost).toBeGreaterThan(0);
  const others = c.hosts.filter((h) => h !== victim);

  expect(await c.killHost(victim)).toBe(lost);
  await waitFor(
    `${victim} Down`,
    () => c.nodes(via).find((n) => n.Hostname === victim)?.Status === 'Down',
    60_000,
    300,
  );
  const after = await waitFor(
    'loss: 10 running on the other hosts',
    () => {
      const r = c.runningTasks('loss', via);
      return r.length === 10 && r.every((t) => t.Node !== victim) ? r : undefined;
    },
    60_000,
    300,
  );
  expect(
    slotsOf(
      after.map((t) => t.Name),
      'loss',
    ),
  ).toEqual(range(10));
  // Nothing else is desired Running: the lost tasks are shut down in the store.
  expect(c.ps('loss', via).filter((t) => t.DesiredState === 'Running')).toHaveLength(10);
  for (const t of c.ps('loss', via).filter((x) => x.Node === victim))
    expect(t.DesiredState).not.toBe('Running');

  const containers = await waitFor(
    'the real containers match',
    async () => {
      const l = await c.containers('loss', { hosts: others });
      return l.length === 10 ? l : undefined;
    },
    30_000,
    300,
  );
  expect(containers.map((x) => x.slot).sort((a, b) => a - b)).toEqual(range(10));
  expect(containers.map((x) => x.taskId.slice(0, 12)).sort()).toEqual(after.map((t) => t.ID).sort());

  // The host comes back: it rejoins as Ready and runs none of the service's containers.
  await restartDockerd(c.lab, c.host(victim));
  await c.restart(victim);
  await waitFor(
    `${victim} Ready`,
    () => c.nodes(via).find((n) => n.Hostname === victim)?.Status === 'Ready',
    60_000,
    300,
  );
  expect(await c.containers('loss', { hosts: [victim] })).toHaveLength(0);
  expect(c.runningTasks('loss', via)).toHaveLength(10);
  expect(await c.containers('loss')).toHaveLength(10);
  c.shoal(via, ['service', 'rm', 'loss']);
});

test('the leader is killed -9 during a scale-up 3 -> 12: slots 1..12 exactly, no duplicates, no gaps', async () => {
  const image = `${c.lab.registry}/lab/app:1`;
  const leader = c.leaderHost(c.managers[0])!;
  const via = c.managers.find((m) => m !== leader)!;
  c.shoal(via, ['service', 'create', '--name', 'grow', '--replicas', '3', image]);
  expect(
    slotsOf(
      c.runningTasks('grow', via).map((t) => t.Name),
      'grow',
    ),
  ).toEqual(range(3));

  // Accepted (committed) by the leader, which dies while the tasks are being made and placed.
  c.shoal(via, ['service', 'scale', '--detach', 'grow=12']);
  c.kill9(leader);

  const tasks = await waitFor(
    'grow: 12 running',
    () => {
      const r = c.runningTasks('grow', via);
      return r.length === 12 && r.every((t) => t.Node !== leader) ? r : undefined;
    },
    90_000,
    300,
  );
  expect(
    slotsOf(
      tasks.map((t) => t.Name),
      'grow',
    ),
  ).toEqual(range(12));
  expect(c.ps('grow', via).filter((t) => t.DesiredState === 'Running')).toHaveLength(12);
  expect(c.leaderHost(via)).not.toBe(leader);

  // The old leader's dockerd kept its containers running; once its shoald is back, its
  // agent learns those tasks are no longer its own and stops them.
  await c.restart(leader);
  const containers = await waitFor(
    'one container per slot on all hosts',
    async () => {
      const l = await c.containers('grow');
      return l.length === 12 ? l : undefined;
    },
    60_000,
    300,
  );
  expect(containers.map((x) => x.slot).sort((a, b) => a - b)).toEqual(range(12));
  const final = c.runningTasks('grow', via);
  expect(
    slotsOf(
      final.map((t) => t.Name),
      'grow',
    ),
  ).toEqual(range(12));
  expect(containers.map((x) => x.taskId.slice(0, 12)).sort()).toEqual(final.map((t) => t.ID).sort());
});
