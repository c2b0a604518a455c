// Jobs and templates on a real lab (3 managers + 2 workers, each its own dockerd and
// shoald): a replicated job runs its completions at most --max-concurrent at once, a
// global job once on every host, a failing job ends the CLI's wait with the task's
// error once the restart policy gives up, and --env/--hostname templates reach the real
// containers expanded. What ran is read from each host's own dockerd (containers,
// their start and finish times, exit codes, config). One lab for the file; in order.
// (READY in a task's reported states is checked on real Docker by the executor's
// integration test: it lasts milliseconds, too short to catch through the CLI.)
import { sweepLab } from '../../../deploy/lab/sweeper';
import { countByHost, jsonLines, LabCluster, ServiceRow, TaskRow } from '../../support/lab-cluster';
import { testLabName } from '../../support/lab-fixture';

jest.setTimeout(300_000);

const NAME = testLabName();
let c: LabCluster;
let image: string;

beforeAll(async () => {
  c = await LabCluster.up(NAME, 3, 2);
  image = `${c.lab.registry}/lab/app:1`;
}, 300_000);

afterAll(async () => {
  await sweepLab(NAME);
});

interface Ran {
  host: string;
  slot: number;
  exitCode: number;
  startedAt: number;
  finishedAt: number;
  hostname: string;
  env: string[];
  /** volume name:target */
  mounts: string[];
}

/** Every container of the service on every host, with what its host's dockerd says it did. */
async function ran(service: string): Promise<Ran[]> {
  const out: Ran[] = [];
  for (const x of await c.containers(service, { all: true })) {
    const info = await c.docker(x.host).getContainer(x.id).inspect();
    out.push({
      host: x.host,
      slot: x.slot,
      exitCode: info.State.ExitCode,
      startedAt: Date.parse(info.State.StartedAt),
      finishedAt: info.State.Running ? Infinity : Date.parse(info.State.FinishedAt),
      hostname: info.Config.Hostname,
      env: info.Config.Env,
      mounts: info.Mounts.map((m) => `${m.Name ?? m.Source}:${m.Destination}`),
    });
  }
  return out;
}

/** The most containers that ran at the same moment (the hosts share this machine's clock). */
function maxOverlap(list: Ran[]): number {
  const edges = list.flatMap((r) => [
    { at: r.startedAt, d: 1 },
    { at: r.finishedAt, d: -1 },
  ]);
  // At equal times an end comes before a start: back-to-back is not overlap.
  edges.sort((a, b) => a.at - b.at || a.d - b.d);
  let now = 0;
  let max = 0;
  for (const e of edges) max = Math.max(max, (now += e.d));
  return max;
}

const row = (name: string): ServiceRow =>
  jsonLines<ServiceRow>(c.shoal(c.via, ['service', 'ls', '--filter', `name=${name}`, '--format', 'json']))[0];

test('a replicated job: 6 completions, never more than 2 at once; ls shows 6/6 completed, ps Complete', async () => {
  // Watch the hosts' daemons while the CLI waits, as a second witness to the timestamps.
  let watching = true;
  let seenAtOnce = 0;
  const watcher = (async () => {
    while (watching) {
      seenAtOnce = Math.max(seenAtOnce, (await c.containers('batch')).length);
      await new Promise((r) => setTimeout(r, 100));
    }
  })();
  const r = await c.shoalAsync(
    c.via,
    [
      'service',
      'create',
      '--name',
      'batch',
      '--mode',
      'replicated-job',
      '--replicas',
      '6',
      '--max-concurrent',
      '2',
      image,
      'sh',
      '-c',
      'sleep 2',
    ],
    180_000,
  );
  watching = false;
  await watcher;
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  expect(r.stdout).toMatch(/job progress: 6 out of 6 complete/);
  expect(r.stdout).toMatch(/verify: Job complete/);

  const list = await ran('batch');
  expect(list.map((x) => x.slot).sort()).toEqual([1, 2, 3, 4, 5, 6]);
  expect(list.every((x) => x.exitCode === 0)).toBe(true);
  expect(maxOverlap(list)).toBe(2);
  expect(seenAtOnce).toBeLessThanOrEqual(2);
  // Each run's finished tasks leave every host idle again; the next ones go to the hosts
  // used longest ago instead of the same two every time.
  const perHost = countByHost(await c.containers('batch', { all: true }), c.hosts);
  expect(Object.values(perHost).filter((n) => n > 0).length).toBeGreaterThanOrEqual(3);

  expect(row('batch')).toEqual(
    expect.objectContaining({ Mode: 'replicated job', Replicas: '0/2 (6/6 completed)' }),
  );
  const tasks = c.ps('batch');
  expect(tasks).toHaveLength(6);
  expect(tasks.every((t) => t.DesiredState === 'Complete' && t.CurrentState.startsWith('Complete'))).toBe(
    true,
  );
  expect(
    jsonLines<ServiceRow>(
      c.shoal(c.via, ['service', 'ls', '--filter', 'mode=replicated-job', '--format', 'json']),
    ).map((s) => s.Name),
  ).toEqual(['batch']);
});

test('a global job runs once on each of the 5 hosts; an update runs it again; scale is refused', async () => {
  const out = c.shoal(c.via, [
    'service',
    'create',
    '--name',
    'everyhost',
    '--mode',
    'global-job',
    image,
    'sh',
    '-c',
    'sleep 1',
  ]);
  expect(out).toMatch(/verify: Job complete/);
  let list = await ran('everyhost');
  expect(countByHost(await c.containers('everyhost', { all: true }), c.hosts)).toEqual({
    m1: 1,
    m2: 1,
    m3: 1,
    w1: 1,
    w2: 1,
  });
  expect(list.every((x) => x.exitCode === 0)).toBe(true);
  expect(row('everyhost')).toEqual(
    expect.objectContaining({ Mode: 'global job', Replicas: '0/5 (5/5 completed)' }),
  );

  const scale = c.tryShoal(c.via, ['service', 'scale', 'everyhost=3']);
  expect(scale.code).not.toBe(0);
  expect(scale.stderr).toMatch(/everyhost: scale can only be used with replicated or replicated-job mode/);

  // Every update of a job is a new run (job_iteration): one more completion per host.
  const again = c.shoal(c.via, ['service', 'update', '--env-add', 'RUN=2', 'everyhost']);
  expect(again).toMatch(/verify: Job complete/);
  list = await ran('everyhost');
  expect(countByHost(await c.containers('everyhost', { all: true }), c.hosts)).toEqual({
    m1: 2,
    m2: 2,
    m3: 2,
    w1: 2,
    w2: 2,
  });
  expect(list.filter((x) => x.env.includes('RUN=2'))).toHaveLength(5);
  expect(c.inspectService('everyhost').jobIteration).toBe(1);
  expect(row('everyhost').Replicas).toBe('0/5 (5/5 completed)');
});

test('a job that keeps failing: the CLI exits non-zero with the task error once the restart policy gives up', async () => {
  const r = c.tryShoal(
    c.via,
    [
      'service',
      'create',
      '--name',
      'doomed',
      '--mode',
      'replicated-job',
      '--restart-max-attempts',
      '1',
      '--restart-delay',
      '1s',
      '--env',
      'CRASH_AFTER=0',
      `${c.lab.registry}/lab/crash:1`,
    ],
    180_000,
  );
  expect(r.code).not.toBe(0);
  expect(r.stderr).toMatch(
    /job doomed: 1 task failed and the restart policy runs it no more \(slot 1: task: non-zero exit \(3\)\)/,
  );
  // It ran twice: the first run and the one restart allowed.
  const list = await ran('doomed');
  expect(list.map((x) => x.exitCode)).toEqual([3, 3]);
  const tasks = c.ps('doomed');
  expect(tasks.map((t: TaskRow) => t.CurrentState.split(' ')[0])).toEqual(['Failed', 'Failed']);
  expect(tasks[0].Error).toBe('task: non-zero exit (3)');
  expect(row('doomed').Replicas).toBe('0/1 (0/1 completed)');
});

test('templates: --env, --hostname and --mount are expanded per task in the real containers; a bad one is refused naming the flag', async () => {
  const out = c.shoal(c.via, [
    'service',
    'create',
    '--name',
    'tpl',
    '--replicas',
    '2',
    '--replicas-max-per-node',
    '1',
    '--env',
    'SLOT={{.Task.Slot}}',
    '--env',
    'WHERE={{.Node.Hostname}}/{{.Node.Platform.OS}}',
    '--env',
    'SVC={{.Service.Name}}',
    '--hostname',
    '{{.Service.Name}}-{{.Task.Slot}}',
    '--mount',
    'type=volume,source=data-{{.Task.Slot}},target=/data/{{.Service.Name}}',
    image,
  ]);
  expect(out).toMatch(/verify: Service converged/);
  const list = (await ran('tpl')).sort((a, b) => a.slot - b.slot);
  expect(list.map((x) => x.hostname)).toEqual(['tpl-1', 'tpl-2']);
  expect(list.map((x) => x.mounts)).toEqual([['data-1:/data/tpl'], ['data-2:/data/tpl']]);
  for (const x of list) {
    expect(x.env).toEqual(expect.arrayContaining([`SLOT=${x.slot}`, `WHERE=${x.host}/linux`, 'SVC=tpl']));
  }

  const bad = c.tryShoal(c.via, [
    'service',
    'create',
    '--name',
    'badtpl',
    '--env',
    'X={{.Task.Number}}',
    image,
  ]);
  expect(bad.code).not.toBe(0);
  expect(bad.stderr).toMatch(/--env: unknown template placeholder \{\{\.Task\.Number\}\}/);
  expect(c.services().map((s) => s.Name)).not.toContain('badtpl');
});
