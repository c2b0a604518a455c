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
import Docker from 'dockerode';
import { sweepLab } from '../../../deploy/lab/sweeper';
import { labUp } from '../../../deploy/lab/lab';
import type { LabState } from '../../../deploy/lab/state';
import { dockerdPid, restartDockerd } from '../../../deploy/lab/swarm-reference';
import { LabCluster, waitFor } from '../../integration/cluster/lab-cluster';
import { dockerOf, testLabName } from '../../support/lab-fixture';

jest.setTimeout(200_000);

const NAME = testLabName();
let lab: LabState;
let c: LabCluster;

interface TaskRow {
  ID: string;
  Name: string;
  Node: string;
  DesiredState: string;
  CurrentState: string;
  Error: string;
}

const jsonLines = <T>(text: string): T[] =>
  text
    .trim()
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as T);

const ps = (via: string, service: string): TaskRow[] =>
  jsonLines<TaskRow>(c.shoal(via, ['service', 'ps', service, '--format', 'json']));

/** The service's tasks desired Running and reported Running. */
const runningTasks = (via: string, service: string): TaskRow[] =>
  ps(via, service).filter((t) => t.DesiredState === 'Running' && t.CurrentState.startsWith('Running'));

const slotsOf = (names: string[], service: string): number[] =>
  names.map((n) => Number(n.slice(service.length + 1))).sort((a, b) => a - b);

const range = (n: number): number[] => Array.from({ length: n }, (_, i) => i + 1);

interface Container {
  host: string;
  taskId: string;
  slot: number;
}

/** Running containers of the service on the given hosts, from each host's own dockerd. */
async function containersOf(service: string, hosts: string[]): Promise<Container[]> {
  const out: Container[] = [];
  for (const h of hosts) {
    const list = await dockerOf(c.host(h)).listContainers({
      filters: { label: [`shoal.service.name=${service}`], status: ['running'] },
    });
    for (const x of list)
      out.push({ host: h, taskId: x.Labels['shoal.task.id'], slot: Number(x.Labels['shoal.task.slot']) });
  }
  return out;
}

/** kill -9 of what this run started on a host: shoald, dockerd and the service containers' processes. */
async function killHost(host: string): Promise<number> {
  const h = c.host(host);
  const docker: Docker = dockerOf(h);
  const pids: number[] = [];
  for (const info of await docker.listContainers({ filters: { label: ['shoal.service.name'] } })) {
    const pid = (await docker.getContainer(info.Id).inspect()).State.Pid;
    if (pid > 0) pids.push(pid);
  }
  c.kill9(host);
  process.kill(dockerdPid(h)!, 'SIGKILL');
  for (const pid of pids) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      /* gone with its shim already */
    }
  }
  return pids.length;
}

beforeAll(async () => {
  lab = await labUp({ name: NAME, managers: 3, workers: 2 });
  c = new LabCluster(lab);
  await c.form();
  await waitFor(
    '5 ready nodes',
    () => {
      const n = c.nodes(c.managers[0]);
      return n.length === 5 && n.every((x) => x.Status === 'Ready');
    },
    60_000,
    300,
  );
}, 200_000);

afterAll(async () => {
  await sweepLab(NAME);
});

test('a worker host dies (shoald, dockerd, containers): its tasks come back elsewhere, one per slot', async () => {
  const via = c.managers[0];
  const image = `${lab.registry}/lab/app:1`;
  c.shoal(via, ['service', 'create', '--name', 'loss', '--replicas', '10', image]);
  const before = runningTasks(via, 'loss');
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
  const others = lab.hosts.map((h) => h.host).filter((h) => h !== victim);

  expect(await killHost(victim)).toBe(lost);
  await waitFor(
    `${victim} Down`,
    () => c.nodes(via).find((n) => n.Hostname === victim)?.Status === 'Down',
    60_000,
    300,
  );
  const after = await waitFor(
    'loss: 10 running on the other hosts',
    () => {
      const r = runningTasks(via, 'loss');
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
  expect(ps(via, 'loss').filter((t) => t.DesiredState === 'Running')).toHaveLength(10);
  for (const t of ps(via, 'loss').filter((x) => x.Node === victim))
    expect(t.DesiredState).not.toBe('Running');

  const containers = await waitFor(
    'the real containers match',
    async () => {
      const l = await containersOf('loss', others);
      return l.length === 10 ? l : undefined;
    },
    30_000,
    300,
  );
  expect(containers.map((x) => x.slot).sort((a, b) => a - b)).toEqual(range(10));
  expect(containers.map((x) => x.taskId.slice(0, 12)).sort()).toEqual(after.map((t) => t.ID).sort());

  // The host comes back: it rejoins as Ready and runs none of the service's containers.
  await restartDockerd(lab, c.host(victim));
  await c.restart(victim);
  await waitFor(
    `${victim} Ready`,
    () => c.nodes(via).find((n) => n.Hostname === victim)?.Status === 'Ready',
    60_000,
    300,
  );
  expect(await containersOf('loss', [victim])).toHaveLength(0);
  expect(runningTasks(via, 'loss')).toHaveLength(10);
  expect(
    await containersOf(
      'loss',
      lab.hosts.map((h) => h.host),
    ),
  ).toHaveLength(10);
  c.shoal(via, ['service', 'rm', 'loss']);
});

test('the leader is killed -9 during a scale-up 3 -> 12: slots 1..12 exactly, no duplicates, no gaps', async () => {
  const image = `${lab.registry}/lab/app:1`;
  const leader = c.leaderHost(c.managers[0])!;
  const via = c.managers.find((m) => m !== leader)!;
  c.shoal(via, ['service', 'create', '--name', 'grow', '--replicas', '3', image]);
  expect(
    slotsOf(
      runningTasks(via, 'grow').map((t) => t.Name),
      'grow',
    ),
  ).toEqual(range(3));

  // Accepted (committed) by the leader, which dies while the tasks are being made and placed.
  c.shoal(via, ['service', 'scale', '--detach', 'grow=12']);
  c.kill9(leader);

  const tasks = await waitFor(
    'grow: 12 running',
    () => {
      const r = runningTasks(via, 'grow');
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
  expect(ps(via, 'grow').filter((t) => t.DesiredState === 'Running')).toHaveLength(12);
  expect(c.leaderHost(via)).not.toBe(leader);

  // The old leader's dockerd kept its containers running; once its shoald is back, its
  // agent learns those tasks are no longer its own and stops them.
  await c.restart(leader);
  const all = lab.hosts.map((h) => h.host);
  const containers = await waitFor(
    'one container per slot on all hosts',
    async () => {
      const l = await containersOf('grow', all);
      return l.length === 12 ? l : undefined;
    },
    60_000,
    300,
  );
  expect(containers.map((x) => x.slot).sort((a, b) => a - b)).toEqual(range(12));
  const final = runningTasks(via, 'grow');
  expect(
    slotsOf(
      final.map((t) => t.Name),
      'grow',
    ),
  ).toEqual(range(12));
  expect(containers.map((x) => x.taskId.slice(0, 12)).sort()).toEqual(final.map((t) => t.ID).sort());
});
