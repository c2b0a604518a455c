// Services end to end on a real lab (1 manager + 2 workers, each its own dockerd and
// shoald): `shoal service create` on the manager -> orchestrator + scheduler on the
// leader -> dispatcher assignments -> each agent's Docker executor -> task states back
// -> `service ls/ps`. Containers are checked on the hosts' own daemons. One lab for the
// file; the tests run in order.
import { spawnSync } from 'child_process';
import type { LabState } from '../../../deploy/lab/state';
import { labUp } from '../../../deploy/lab/lab';
import { sweepLab } from '../../../deploy/lab/sweeper';
import { nsenterArgs } from '../../../deploy/lab/host-namespaces';
import { dockerOf, host, testLabName } from '../../support/lab-fixture';

jest.setTimeout(240_000);

const NAME = testLabName();
const SHOAL = '/opt/shoal/bin/shoal';
const HOSTS = ['m1', 'w1', 'w2'];
let lab: LabState;

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function shoalRun(on: string, args: string[]): Run {
  const r = spawnSync('nsenter', nsenterArgs(host(lab, on).sshdPid!, [SHOAL, ...args]), {
    encoding: 'utf8',
    timeout: 200_000,
  });
  return { code: r.status ?? -1, stdout: r.stdout ?? '', stderr: r.stderr ?? '' };
}

function shoal(args: string[], on = 'm1'): string {
  const r = shoalRun(on, args);
  if (r.code !== 0) throw new Error(`shoal ${args.join(' ')} failed (${r.code}): ${r.stderr.trim()}`);
  return r.stdout;
}

const jsonLines = <T>(text: string): T[] =>
  text
    .trim()
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as T);

interface TaskRow {
  ID: string;
  Name: string;
  Node: string;
  DesiredState: string;
  CurrentState: string;
  Error: string;
}

const ps = (service: string): TaskRow[] => jsonLines(shoal(['service', 'ps', service, '--format', 'json']));

/** The service's running containers per host, from each host's own dockerd. */
async function containersOf(service: string): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  for (const h of HOSTS) {
    const list = await dockerOf(host(lab, h)).listContainers({
      filters: { label: [`shoal.service.name=${service}`] },
    });
    out.set(
      h,
      list.filter((c) => c.State === 'running').map((c) => c.Labels['shoal.task.id']),
    );
  }
  return out;
}

const total = (m: Map<string, string[]>): number => [...m.values()].reduce((n, l) => n + l.length, 0);

async function waitFor<T>(what: string, fn: () => Promise<T | undefined | false>, ms = 60_000): Promise<T> {
  const deadline = Date.now() + ms;
  let last: unknown;
  for (;;) {
    try {
      const v = await fn();
      if (v) return v;
    } catch (err) {
      last = err;
    }
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}: ${String(last ?? '')}`);
    await new Promise((r) => setTimeout(r, 300));
  }
}

beforeAll(async () => {
  lab = await labUp({ name: NAME, managers: 1, workers: 2 });
  shoal(['init', '--advertise-addr', host(lab, 'm1').address]);
  const token = shoal(['join-token', 'worker', '-q']).trim();
  for (const w of ['w1', 'w2'])
    shoal(
      ['join', '--token', token, '--advertise-addr', host(lab, w).address, `${host(lab, 'm1').address}:2377`],
      w,
    );
  await waitFor('3 ready nodes', async () => {
    const nodes = jsonLines<{ Status: string }>(shoal(['node', 'ls', '--format', 'json']));
    return nodes.length === 3 && nodes.every((n) => n.Status === 'Ready');
  });
}, 240_000);

afterAll(async () => {
  await sweepLab(NAME);
});

test('a replicated service converges: 3 containers on the lab hosts, service ls 3/3, ps lists tasks by node, HTTP answers', async () => {
  const image = `${lab.registry}/lab/app:1`;
  const t0 = Date.now();
  const out = shoal([
    'service',
    'create',
    '--name',
    'web',
    '--replicas',
    '3',
    '--max-replicas',
    '1',
    '--publish',
    'mode=host,target=80,published=8080',
    image,
  ]);
  // create waits for convergence by default and says so.
  expect(out).toMatch(/verify: Service converged/);
  const convergedMs = Date.now() - t0;

  const ls = jsonLines<{ Name: string; Replicas: string; Mode: string; Image: string }>(
    shoal(['service', 'ls', '--format', 'json']),
  );
  expect(ls).toEqual([
    expect.objectContaining({ Name: 'web', Mode: 'replicated', Replicas: '3/3', Image: image }),
  ]);

  const tasks = ps('web');
  expect(tasks).toHaveLength(3);
  expect(tasks.map((t) => t.Name).sort()).toEqual(['web.1', 'web.2', 'web.3']);
  expect(tasks.every((t) => t.DesiredState === 'Running' && t.CurrentState.startsWith('Running'))).toBe(true);
  // --max-replicas 1: one per node, so every host runs one.
  expect(tasks.map((t) => t.Node).sort()).toEqual(HOSTS);

  const containers = await containersOf('web');
  for (const h of HOSTS) expect(containers.get(h)).toHaveLength(1);
  const fullIds = jsonLines<{ ID: string }>(shoal(['service', 'ps', 'web', '--format', 'json']));
  expect(fullIds).toHaveLength(3);

  for (const h of HOSTS) {
    const res = await fetch(`http://${host(lab, h).address}:8080/`);
    expect(res.status).toBe(200);
    expect(await res.text()).toMatch(/^app v1 on /);
  }
  console.log(`web: 3 replicas converged in ${convergedMs} ms (create to "converged", through the CLI)`);
});

test('scale to 5 then 2: containers follow on the hosts', async () => {
  const image = `${lab.registry}/lab/app:1`;
  shoal(['service', 'create', '--name', 'app', '--replicas', '3', image]);
  expect(total(await containersOf('app'))).toBe(3);

  const t0 = Date.now();
  expect(shoal(['service', 'scale', 'app=5'])).toMatch(/verify: Service converged/);
  const up = await containersOf('app');
  expect(total(up)).toBe(5);
  // spread: no host is left out with 5 tasks on 3 nodes
  for (const h of HOSTS) expect(up.get(h)!.length).toBeGreaterThanOrEqual(1);
  expect(
    jsonLines<{ Replicas: string }>(shoal(['service', 'ls', '--filter', 'name=app', '--format', 'json']))[0]
      .Replicas,
  ).toBe('5/5');
  const scaleUpMs = Date.now() - t0;

  shoal(['service', 'scale', 'app=2']);
  expect(total(await containersOf('app'))).toBe(2);
  const running = ps('app').filter((t) => t.DesiredState === 'Running');
  expect(running).toHaveLength(2);
  console.log(`app: scale 3 -> 5 converged in ${scaleUpMs} ms`);
});

test('service rm removes every container of the service', async () => {
  shoal(['service', 'rm', 'app']);
  await waitFor('app containers gone', async () => {
    let n = 0;
    for (const h of HOSTS)
      n += (
        await dockerOf(host(lab, h)).listContainers({
          all: true,
          filters: { label: ['shoal.service.name=app'] },
        })
      ).length;
    return n === 0;
  });
  expect(
    jsonLines<{ Name: string }>(shoal(['service', 'ls', '--format', 'json'])).map((s) => s.Name),
  ).toEqual(['web']);
  expect(shoalRun('m1', ['service', 'ps', 'app']).stderr).toMatch(/service app not found/);
});

test('a global service runs one task on every node', async () => {
  const out = shoal([
    'service',
    'create',
    '--mode',
    'global',
    '--name',
    'everywhere',
    `${lab.registry}/lab/app:1`,
  ]);
  expect(out).toMatch(/verify: Service converged/);
  const containers = await containersOf('everywhere');
  for (const h of HOSTS) expect(containers.get(h)).toHaveLength(1);
  const row = jsonLines<{ Mode: string; Replicas: string }>(
    shoal(['service', 'ls', '--filter', 'name=everywhere', '--format', 'json']),
  )[0];
  expect(row).toEqual(expect.objectContaining({ Mode: 'global', Replicas: '3/3' }));
  expect(
    ps('everywhere')
      .map((t) => t.Node)
      .sort(),
  ).toEqual(HOSTS);
  shoal(['service', 'rm', 'everywhere']);
  await waitFor('global containers gone', async () => total(await containersOf('everywhere')) === 0);
});

test('an impossible constraint leaves tasks pending with the reason in service ps; create says why', async () => {
  const image = `${lab.registry}/lab/app:1`;
  const r = shoalRun('m1', [
    'service',
    'create',
    '--name',
    'nowhere',
    '--replicas',
    '2',
    '--constraint',
    'node.labels.zone==mars',
    image,
  ]);
  expect(r.code).not.toBe(0);
  expect(r.stderr).toMatch(/2 of 2 tasks cannot be placed: no suitable node/);
  const tasks = ps('nowhere');
  expect(tasks).toHaveLength(2);
  for (const t of tasks) {
    expect(t.Node).toBe('');
    expect(t.CurrentState).toMatch(/^Pending/);
    expect(t.Error).toMatch(/no suitable node \(scheduling constraints not satisfied on 3 nodes/);
  }
  expect(total(await containersOf('nowhere'))).toBe(0);
});

test('bad input names the field and changes nothing', () => {
  const bad = [
    [['--name', 'x', '--replicas', 'many'], /--replicas must be an integer/],
    [['--name', 'x', '--constraint', 'node.color=blue'], /constraint/],
    [['--name', 'x', '--publish', 'mode=host,target=99999'], /--publish: target must be a port number/],
    [
      ['--name', 'x', '--restart-condition', 'sometimes'],
      /--restart-condition: must be any, on-failure or none/,
    ],
    [['--name', 'web'], /service web: a service with that name already exists/],
  ] as const;
  for (const [flags, message] of bad) {
    const r = shoalRun('m1', ['service', 'create', '-d', ...flags, `${lab.registry}/lab/app:1`]);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(message);
  }
  expect(
    jsonLines<{ Name: string }>(shoal(['service', 'ls', '--format', 'json']))
      .map((s) => s.Name)
      .sort(),
  ).toEqual(['nowhere', 'web']);
});
