// Services end to end on a real lab (1 manager + 2 workers, each its own dockerd and
// shoald): `shoal service create` on the manager -> orchestrator + scheduler on the
// leader -> dispatcher assignments -> each agent's Docker executor -> task states back
// -> `service ls/ps`. Containers are checked on the hosts' own daemons. One lab for the
// file; the tests run in order.
import { sweepLab } from '../../../deploy/lab/sweeper';
import { countByHost, jsonLines, LabCluster, ServiceRow, waitFor } from '../../support/lab-cluster';
import { testLabName } from '../../support/lab-fixture';

jest.setTimeout(240_000);

const NAME = testLabName();
let c: LabCluster;
const HOSTS = ['m1', 'w1', 'w2'];

/** Running containers of the service per host, from each host's own dockerd. */
const perHost = async (service: string): Promise<Record<string, number>> =>
  countByHost(await c.containers(service), HOSTS);

beforeAll(async () => {
  c = await LabCluster.up(NAME, 1, 2);
}, 240_000);

afterAll(async () => {
  await sweepLab(NAME);
});

test('a replicated service converges: 3 containers on the lab hosts, service ls 3/3, ps lists tasks by node, HTTP answers', async () => {
  const image = `${c.lab.registry}/lab/app:1`;
  const t0 = Date.now();
  const out = c.shoal(c.via, [
    'service',
    'create',
    '--name',
    'web',
    '--replicas',
    '3',
    '--replicas-max-per-node',
    '1',
    '--publish',
    'mode=host,target=80,published=8080',
    image,
  ]);
  // create waits for convergence by default and says so.
  expect(out).toMatch(/verify: Service converged/);
  const convergedMs = Date.now() - t0;

  expect(c.services()).toEqual([
    expect.objectContaining({ Name: 'web', Mode: 'replicated', Replicas: '3/3', Image: image }),
  ]);
  // inspect's template sees the ls fields, with the whole id (as docker's {{.ID}}).
  const id = (JSON.parse(c.shoal(c.via, ['service', 'inspect', 'web'])) as Array<{ id: string }>)[0].id;
  expect(c.shoal(c.via, ['service', 'inspect', '-f', '{{.ID}} {{.Name}} {{.Replicas}}', 'web']).trim()).toBe(
    `${id} web 3/3`,
  );
  // --pretty: docker's sections, from the same service.
  const pretty = c.shoal(c.via, ['service', 'inspect', '--pretty', 'web']);
  expect(pretty).toMatch(
    new RegExp(`^ID:\\s+${id}\nName:\\s+web\nService Mode:\\s+Replicated\n Replicas:\\s+3\n`),
  );
  expect(pretty).toMatch(/\n Max Replicas Per Node:\s+1\n/);
  expect(pretty).toMatch(
    /\nPorts:\n PublishedPort:\s+8080\n {2}Protocol:\s+tcp\n {2}TargetPort:\s+80\n {2}PublishMode:\s+host/,
  );
  expect(c.tryShoal(c.via, ['service', 'inspect', '--pretty', '-f', 'json', 'web']).stderr).toMatch(
    /--format and --pretty cannot be combined/,
  );

  const tasks = c.ps('web');
  expect(tasks).toHaveLength(3);
  expect(tasks.map((t) => t.Name).sort()).toEqual(['web.1', 'web.2', 'web.3']);
  expect(tasks.every((t) => t.DesiredState === 'Running' && t.CurrentState.startsWith('Running'))).toBe(true);
  // --replicas-max-per-node 1: one per node, so every host runs one.
  expect(tasks.map((t) => t.Node).sort()).toEqual(HOSTS);
  expect(await perHost('web')).toEqual({ m1: 1, w1: 1, w2: 1 });

  for (const h of HOSTS) {
    const res = await fetch(`http://${c.host(h).address}:8080/`);
    expect(res.status).toBe(200);
    expect(await res.text()).toMatch(/^app v1 on /);
  }
  console.log(`web: 3 replicas converged in ${convergedMs} ms (create to "converged", through the CLI)`);
});

test('scale to 5 then 2: containers follow on the hosts', async () => {
  const image = `${c.lab.registry}/lab/app:1`;
  c.shoal(c.via, ['service', 'create', '--name', 'app', '--replicas', '3', image]);
  expect(await c.containers('app')).toHaveLength(3);

  const t0 = Date.now();
  expect(c.shoal(c.via, ['service', 'scale', 'app=5'])).toMatch(/verify: Service converged/);
  const up = await perHost('app');
  expect(Object.values(up).reduce((a, b) => a + b)).toBe(5);
  // spread: no host is left out with 5 tasks on 3 nodes
  for (const h of HOSTS) expect(up[h]).toBeGreaterThanOrEqual(1);
  expect(
    jsonLines<ServiceRow>(c.shoal(c.via, ['service', 'ls', '--filter', 'name=app', '--format', 'json']))[0]
      .Replicas,
  ).toBe('5/5');
  const scaleUpMs = Date.now() - t0;

  c.shoal(c.via, ['service', 'scale', 'app=2']);
  expect(await c.containers('app')).toHaveLength(2);
  expect(c.ps('app').filter((t) => t.DesiredState === 'Running')).toHaveLength(2);
  console.log(`app: scale 3 -> 5 converged in ${scaleUpMs} ms`);
});

test('service rm removes every container of the service', async () => {
  c.shoal(c.via, ['service', 'rm', 'app']);
  await waitFor(
    'app containers gone',
    async () => (await c.containers('app', { all: true })).length === 0,
    60_000,
    300,
  );
  expect(c.services().map((s) => s.Name)).toEqual(['web']);
  expect(c.tryShoal(c.via, ['service', 'ps', 'app']).stderr).toMatch(/service app not found/);
});

test('a global service runs one task on every node', async () => {
  const out = c.shoal(c.via, [
    'service',
    'create',
    '--mode',
    'global',
    '--name',
    'everywhere',
    `${c.lab.registry}/lab/app:1`,
  ]);
  expect(out).toMatch(/verify: Service converged/);
  expect(await perHost('everywhere')).toEqual({ m1: 1, w1: 1, w2: 1 });
  const row = jsonLines<ServiceRow>(
    c.shoal(c.via, ['service', 'ls', '--filter', 'name=everywhere', '--format', 'json']),
  )[0];
  expect(row).toEqual(expect.objectContaining({ Mode: 'global', Replicas: '3/3' }));
  expect(
    c
      .ps('everywhere')
      .map((t) => t.Node)
      .sort(),
  ).toEqual(HOSTS);
  c.shoal(c.via, ['service', 'rm', 'everywhere']);
  await waitFor(
    'global containers gone',
    async () => (await c.containers('everywhere')).length === 0,
    60_000,
    300,
  );
});

test('an impossible constraint leaves tasks pending with the reason in service ps; create says why', async () => {
  const image = `${c.lab.registry}/lab/app:1`;
  const r = c.tryShoal(c.via, [
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
  const tasks = c.ps('nowhere');
  expect(tasks).toHaveLength(2);
  for (const t of tasks) {
    expect(t.Node).toBe('');
    expect(t.CurrentState).toMatch(/^Pending/);
    expect(t.Error).toMatch(/no suitable node \(scheduling constraints not satisfied on 3 nodes/);
  }
  expect(await c.containers('nowhere')).toHaveLength(0);
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
    const r = c.tryShoal(c.via, ['service', 'create', '-d', ...flags, `${c.lab.registry}/lab/app:1`]);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(message);
  }
  expect(
    c
      .services()
      .map((s) => s.Name)
      .sort(),
  ).toEqual(['nowhere', 'web']);
});
