// Rolling updates and rollback on a real lab (1 manager + 1 worker): `shoal service
// update --image` replaces the tasks slot by slot at the service's parallelism, the
// default wait follows it to "update completed", and `shoal service rollback` brings the
// previous image back. Containers and their HTTP answers are checked on each host's own
// daemon. One lab for the file; the tests run in order.
import { spawnSync } from 'child_process';
import type { Service } from '../../../manager/api-types';
import type { LabState } from '../../../deploy/lab/state';
import { labUp } from '../../../deploy/lab/lab';
import { sweepLab } from '../../../deploy/lab/sweeper';
import { nsenterArgs } from '../../../deploy/lab/host-namespaces';
import { dockerOf, host, testLabName } from '../../support/lab-fixture';

jest.setTimeout(240_000);

const NAME = testLabName();
const SHOAL = '/opt/shoal/bin/shoal';
const HOSTS = ['m1', 'w1'];
let lab: LabState;

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function onHost(on: string, command: string[]): Run {
  const r = spawnSync('nsenter', nsenterArgs(host(lab, on).sshdPid!, command), {
    encoding: 'utf8',
    timeout: 200_000,
  });
  return { code: r.status ?? -1, stdout: r.stdout ?? '', stderr: r.stderr ?? '' };
}

function shoal(args: string[], on = 'm1'): string {
  const r = onHost(on, [SHOAL, ...args]);
  if (r.code !== 0) throw new Error(`shoal ${args.join(' ')} failed (${r.code}): ${r.stderr.trim()}`);
  return r.stdout;
}

const jsonLines = <T>(text: string): T[] =>
  text
    .trim()
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as T);

interface Running {
  host: string;
  id: string;
  image: string;
  ip: string;
}

/** The service's running containers on every lab host, from each host's dockerd. */
async function running(service: string): Promise<Running[]> {
  const out: Running[] = [];
  for (const h of HOSTS) {
    const list = await dockerOf(host(lab, h)).listContainers({
      filters: { label: [`shoal.service.name=${service}`], status: ['running'] },
    });
    for (const c of list)
      out.push({
        host: h,
        id: c.Id,
        image: c.Image,
        ip: Object.values(c.NetworkSettings?.Networks ?? {})[0]?.IPAddress ?? '',
      });
  }
  return out;
}

/** What each container answers over HTTP, fetched from inside its host's namespaces. */
function answers(list: Running[]): string[] {
  return list.map((c) => {
    const r = onHost(c.host, ['wget', '-qO-', '-T', '5', `http://${c.ip}/`]);
    return r.code === 0 ? r.stdout.trim() : `error ${r.code}: ${r.stderr.trim()}`;
  });
}

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

const inspect = (service: string): Service =>
  (JSON.parse(shoal(['service', 'inspect', service])) as Service[])[0];

beforeAll(async () => {
  lab = await labUp({ name: NAME, managers: 1, workers: 1 });
  shoal(['init', '--advertise-addr', host(lab, 'm1').address]);
  const token = shoal(['join-token', 'worker', '-q']).trim();
  shoal(
    [
      'join',
      '--token',
      token,
      '--advertise-addr',
      host(lab, 'w1').address,
      `${host(lab, 'm1').address}:2377`,
    ],
    'w1',
  );
  await waitFor('2 ready nodes', async () => {
    const nodes = jsonLines<{ Status: string }>(shoal(['node', 'ls', '--format', 'json']));
    return nodes.length === 2 && nodes.every((n) => n.Status === 'Ready');
  });
}, 240_000);

afterAll(async () => {
  await sweepLab(NAME);
});

test('service update --image at parallelism 2 rolls 4 tasks from app:1 to app:2; the wait ends on "update completed"', async () => {
  const v1 = `${lab.registry}/lab/app:1`;
  const v2 = `${lab.registry}/lab/app:2`;
  shoal(['service', 'create', '--name', 'app', '--replicas', '4', v1]);
  const before = await running('app');
  expect(before).toHaveLength(4);
  expect(answers(before).every((a) => a.startsWith('app v1'))).toBe(true);

  const t0 = Date.now();
  const out = shoal([
    'service',
    'update',
    '--image',
    v2,
    '--update-parallelism',
    '2',
    '--update-monitor',
    '1s',
    'app',
  ]);
  const ms = Date.now() - t0;
  // Progress per slot, then the manager's verdict.
  expect(out).toMatch(/1\/4: running .*app:2/);
  expect(out).toMatch(/4\/4: running .*app:2/);
  expect(out).toMatch(/verify: Service converged \(update completed\)/);

  const after = await running('app');
  expect(after).toHaveLength(4);
  expect(after.every((c) => c.image === v2)).toBe(true);
  expect(answers(after).every((a) => a.startsWith('app v2'))).toBe(true);
  const s = inspect('app');
  expect(s.updateStatus).toMatchObject({ state: 'COMPLETED', message: 'update completed' });
  expect(s.spec?.update).toMatchObject({ parallelism: 2, order: 'STOP_FIRST', failureAction: 'PAUSE' });
  expect(s.previousSpec?.task?.container?.image).toBe(v1);

  // At parallelism 2 the 4 tasks went in 2 batches: the old ones stopped in two waves.
  const tasks = jsonLines<{ Image: string; DesiredState: string }>(
    shoal(['service', 'ps', 'app', '--format', 'json']),
  );
  expect(tasks.filter((t) => t.Image === v1 && t.DesiredState === 'Shutdown')).toHaveLength(4);
  console.log(`rolling update of 4 tasks at parallelism 2: ${ms} ms`);
});

test('service rollback returns every task to app:1 and reports rollback_completed', async () => {
  const v1 = `${lab.registry}/lab/app:1`;
  const out = shoal(['service', 'rollback', 'app']);
  expect(out).toMatch(/verify: Service converged \(rollback completed\)/);
  const after = await running('app');
  expect(after).toHaveLength(4);
  expect(after.every((c) => c.image === v1)).toBe(true);
  expect(answers(after).every((a) => a.startsWith('app v1'))).toBe(true);
  expect(inspect('app').updateStatus).toMatchObject({ state: 'ROLLBACK_COMPLETED' });
});

test('bad update flags name the field and change nothing', () => {
  const before = inspect('app');
  const r = onHost('m1', [SHOAL, 'service', 'update', '--update-order', 'sideways', 'app']);
  expect(r.code).not.toBe(0);
  expect(r.stderr).toMatch(/--update-order: must be stop-first or start-first/);
  expect(inspect('app').meta?.version).toBe(before.meta?.version);
});

test('a global service updates node by node, start-first: each host ends on app:2', async () => {
  const v2 = `${lab.registry}/lab/app:2`;
  shoal(['service', 'create', '--name', 'everywhere', '--mode', 'global', `${lab.registry}/lab/app:1`]);
  expect(await running('everywhere')).toHaveLength(2);
  const out = shoal([
    'service',
    'update',
    '--image',
    v2,
    '--update-order',
    'start-first',
    '--update-monitor',
    '1s',
    'everywhere',
  ]);
  expect(out).toMatch(/verify: Service converged \(update completed\)/);
  const after = await running('everywhere');
  expect(after.map((c) => c.host).sort()).toEqual(HOSTS);
  expect(after.every((c) => c.image === v2)).toBe(true);
  expect(answers(after).every((a) => a.startsWith('app v2'))).toBe(true);
});

test('an update whose tasks crash pauses: the CLI exits non-zero with the reason; rollback recovers', async () => {
  // One at a time with a pause between: the crash (2 s after start) lands before the next slot.
  const r = onHost('m1', [
    SHOAL,
    'service',
    'update',
    '--image',
    `${lab.registry}/lab/crash:1`,
    '--update-parallelism',
    '1',
    '--update-delay',
    '4s',
    'app',
  ]);
  expect(r.code).not.toBe(0);
  expect(r.stderr).toMatch(
    /service app: update paused due to failure or early termination of task \w+ \(.*exit.*\)/,
  );
  expect(inspect('app').updateStatus).toMatchObject({ state: 'PAUSED' });
  // Paused means no more slots are taken down: the other 3 still run app:1.
  expect((await running('app')).filter((c) => c.image.endsWith('app:1'))).toHaveLength(3);

  expect(shoal(['service', 'rollback', 'app'])).toMatch(/rollback completed/);
  const after = await running('app');
  expect(after).toHaveLength(4);
  expect(answers(after).every((a) => a.startsWith('app v1'))).toBe(true);
});
