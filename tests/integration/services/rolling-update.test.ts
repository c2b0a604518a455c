// Rolling updates and rollback on a real lab (1 manager + 1 worker): `shoal service
// update --image` replaces the tasks slot by slot at the service's parallelism, the
// default wait follows it to "update completed", and `shoal service rollback` brings the
// previous image back. Containers and their HTTP answers are checked on each host's own
// daemon. One lab for the file; the tests run in order.
import { sweepLab } from '../../../deploy/lab/sweeper';
import { Container, LabCluster } from '../../support/lab-cluster';
import { testLabName } from '../../support/lab-fixture';

jest.setTimeout(240_000);

const NAME = testLabName();
const HOSTS = ['m1', 'w1'];
let c: LabCluster;

const shoal = (args: string[]): string => c.shoal(c.via, args);

/** The image is `ref`, as given or pinned to the digest it resolved to (`ref@sha256:...`). */
const isImage = (image: string | undefined, ref: string): boolean =>
  image === ref || !!image?.startsWith(`${ref}@sha256:`);

/** What each container answers over HTTP, fetched from inside its host's namespaces. */
function answers(list: Container[]): string[] {
  return list.map((x) => {
    const r = c.exec(x.host, ['wget', '-qO-', '-T', '5', `http://${x.ip}/`]);
    return r.code === 0 ? r.stdout.trim() : `error ${r.code}: ${r.stderr.trim()}`;
  });
}

beforeAll(async () => {
  c = await LabCluster.up(NAME, 1, 1);
}, 240_000);

afterAll(async () => {
  await sweepLab(NAME);
});

test('service update --image at parallelism 2 rolls 4 tasks from app:1 to app:2; the wait ends on "update completed"', async () => {
  const v1 = `${c.lab.registry}/lab/app:1`;
  const v2 = `${c.lab.registry}/lab/app:2`;
  shoal(['service', 'create', '--name', 'app', '--replicas', '4', v1]);
  const before = await c.containers('app');
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

  const after = await c.containers('app');
  expect(after).toHaveLength(4);
  expect(after.every((x) => isImage(x.image, v2))).toBe(true);
  expect(answers(after).every((a) => a.startsWith('app v2'))).toBe(true);
  const s = c.inspectService('app');
  expect(s.updateStatus).toMatchObject({ state: 'COMPLETED', message: 'update completed' });
  expect(s.spec?.update).toMatchObject({ parallelism: 2, order: 'STOP_FIRST', failureAction: 'PAUSE' });
  expect(isImage(s.previousSpec?.task?.container?.image, v1)).toBe(true);

  // At parallelism 2 the 4 tasks went in 2 batches: the old ones stopped in two waves.
  const tasks = c.ps('app');
  expect(tasks.filter((t) => t.Image === v1 && t.DesiredState === 'Shutdown')).toHaveLength(4);
  console.log(`rolling update of 4 tasks at parallelism 2: ${ms} ms`);
});

test('service rollback returns every task to app:1 and reports rollback_completed', async () => {
  const v1 = `${c.lab.registry}/lab/app:1`;
  const out = shoal(['service', 'rollback', 'app']);
  expect(out).toMatch(/verify: Service converged \(rollback completed\)/);
  const after = await c.containers('app');
  expect(after).toHaveLength(4);
  expect(after.every((x) => isImage(x.image, v1))).toBe(true);
  expect(answers(after).every((a) => a.startsWith('app v1'))).toBe(true);
  expect(c.inspectService('app').updateStatus).toMatchObject({ state: 'ROLLBACK_COMPLETED' });
});

test('bad update flags name the field and change nothing', () => {
  const before = c.inspectService('app');
  const r = c.tryShoal(c.via, ['service', 'update', '--update-order', 'sideways', 'app']);
  expect(r.code).not.toBe(0);
  expect(r.stderr).toMatch(/--update-order: must be stop-first or start-first/);
  expect(c.inspectService('app').meta?.version).toBe(before.meta?.version);
});

test('a global service updates node by node, start-first: each host ends on app:2', async () => {
  const v2 = `${c.lab.registry}/lab/app:2`;
  shoal(['service', 'create', '--name', 'everywhere', '--mode', 'global', `${c.lab.registry}/lab/app:1`]);
  expect(await c.containers('everywhere')).toHaveLength(2);
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
  const after = await c.containers('everywhere');
  expect(after.map((x) => x.host).sort()).toEqual(HOSTS);
  expect(after.every((x) => isImage(x.image, v2))).toBe(true);
  expect(answers(after).every((a) => a.startsWith('app v2'))).toBe(true);
});

test('an update whose tasks crash pauses: the CLI exits non-zero with the reason; rollback recovers', async () => {
  // One at a time with a pause between: the crash (2 s after start) lands before the next slot.
  const r = c.tryShoal(c.via, [
    'service',
    'update',
    '--image',
    `${c.lab.registry}/lab/crash:1`,
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
  expect(c.inspectService('app').updateStatus).toMatchObject({ state: 'PAUSED' });
  // Paused means no more slots are taken down: the other 3 still run app:1.
  expect(
    (await c.containers('app')).filter((x) => isImage(x.image, `${c.lab.registry}/lab/app:1`)),
  ).toHaveLength(3);

  expect(shoal(['service', 'rollback', 'app'])).toMatch(/rollback completed/);
  const after = await c.containers('app');
  expect(after).toHaveLength(4);
  expect(answers(after).every((a) => a.startsWith('app v1'))).toBe(true);
});
