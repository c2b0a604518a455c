// The executor's pull path on an in-memory Docker: an image pinned by digest and present
// is not pulled; tasks waiting for the same image share one pull; credentials carried by
// the task (--with-registry-auth) reach the pull; a failed pull rejects naming the image.
import type { Task, TaskState, TaskStatus } from '../../../manager/api-types';
import { Executor } from '../../../worker-agent/executor';
import { ContainerAdapter, hasDigest, registryAuthOf } from '../../../worker-agent/executor/adapter';
import { FakeDocker } from './fake-docker';
import { makeTask, MakeTask } from './make-task';

const NODE = { id: 'n1', hostname: 'h1', platform: { os: 'linux', architecture: 'amd64' } };
const PINNED = `reg/app:1@sha256:${'e'.repeat(64)}`;

let docker: FakeDocker;
let executor: Executor;
let reports: Array<[string, TaskStatus]>;

const statesOf = (id: string): TaskState[] => reports.filter(([t]) => t === id).map(([, s]) => s.state);
const task = (o: MakeTask & { image: string }): Task =>
  makeTask({ ...o, container: { image: o.image, ...o.container } });
const pulls = () => docker.calls.filter(([c]) => c === 'pull');

async function until(cond: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 400; i++) {
    if (cond()) return;
    await new Promise((r) => setTimeout(r, 5));
  }
  throw new Error(
    `timed out waiting for ${what}: ${JSON.stringify(reports.map(([id, s]) => [id, s.state]))}`,
  );
}

beforeEach(async () => {
  docker = new FakeDocker();
  reports = [];
  executor = new Executor({
    docker: docker.asDocker(),
    node: NODE,
    onStatus: (id, s) => reports.push([id, s]),
  });
  await executor.start();
});
afterEach(() => executor.close());

test('hasDigest: only references that name their content', () => {
  expect(hasDigest(PINNED)).toBe(true);
  expect(hasDigest(`reg/app@sha256:${'e'.repeat(64)}`)).toBe(true);
  expect(hasDigest('reg:5000/app:1')).toBe(false);
});

test('an image pinned by digest that the node has is not pulled', async () => {
  docker.images.add(PINNED);
  executor.assign(task({ id: 't1', image: PINNED }));
  await until(() => statesOf('t1').includes('RUNNING'), 't1 running');
  expect(pulls()).toEqual([]);
  // Created straight away: the daemon's create answers "is it here" without an image inspect.
  expect(docker.calls.filter(([c]) => c !== 'getEvents').map(([c]) => c)).toEqual(['create', 'start']);
});

test('an image pinned by digest that the node lacks is pulled', async () => {
  docker.registry.add(PINNED);
  executor.assign(task({ id: 't1', image: PINNED }));
  await until(() => statesOf('t1').includes('RUNNING'), 't1 running');
  expect(pulls()).toHaveLength(1);
  // The create that found no image, the pull, the create again.
  expect(docker.calls.filter(([c]) => c !== 'getEvents').map(([c]) => c)).toEqual([
    'create',
    'pull',
    'create',
    'start',
  ]);
  expect(statesOf('t1')).toEqual(['ACCEPTED', 'PREPARING', 'READY', 'STARTING', 'RUNNING']);
});

test('a tag is still pulled every time (it may have moved), as before', async () => {
  docker.registry.add('reg/app:1');
  docker.images.add('reg/app:1');
  executor.assign(task({ id: 't1', image: 'reg/app:1' }));
  await until(() => statesOf('t1').includes('RUNNING'), 't1 running');
  expect(pulls()).toHaveLength(1);
});

test('tasks of one image arriving together share one pull', async () => {
  docker.registry.add(PINNED);
  for (let i = 1; i <= 5; i++) executor.assign(task({ id: `t${i}`, slot: i, image: PINNED }));
  await until(() => [1, 2, 3, 4, 5].every((i) => statesOf(`t${i}`).includes('RUNNING')), 'all running');
  expect(pulls()).toHaveLength(1);
});

test('a shared pull that fails rejects every waiting task, naming the image', async () => {
  for (let i = 1; i <= 3; i++) executor.assign(task({ id: `t${i}`, slot: i, image: 'reg/missing:1' }));
  await until(() => [1, 2, 3].every((i) => statesOf(`t${i}`).includes('REJECTED')), 'all rejected');
  expect(pulls()).toHaveLength(1);
  for (let i = 1; i <= 3; i++) {
    const err = reports.filter(([id]) => id === `t${i}`).at(-1)![1].err;
    expect(err).toBe('pulling image reg/missing:1 failed: manifest unknown');
  }
});

test("the credentials a task carries reach the pull; a task without them doesn't share that pull", async () => {
  const auth = { username: 'alice', password: 'pw', serveraddress: 'reg' };
  const encoded = Buffer.from(JSON.stringify(auth)).toString('base64url');
  docker.registry.add('reg/app:1');
  executor.assign(
    task({ id: 't1', slot: 1, image: 'reg/app:1', container: { pullOptions: { registryAuth: encoded } } }),
  );
  executor.assign(task({ id: 't2', slot: 2, image: 'reg/app:1' }));
  await until(() => ['t1', 't2'].every((t) => statesOf(t).includes('RUNNING')), 'both running');
  const opts = pulls().map(([, , o]) => (o as { authconfig?: unknown }).authconfig);
  expect(opts).toHaveLength(2);
  expect(opts).toContainEqual(auth);
  expect(opts).toContainEqual(undefined);
});

test('registryAuthOf ignores what does not decode to credentials', () => {
  const t = (registryAuth: string) =>
    task({ id: 'x', image: 'a', container: { pullOptions: { registryAuth } } });
  expect(registryAuthOf(t('not json'))).toBeUndefined();
  expect(registryAuthOf(t(Buffer.from('{"username":1}').toString('base64url')))).toBeUndefined();
  expect(registryAuthOf(task({ id: 'y', image: 'a' }))).toBeUndefined();
});

test('a waiter that aborts leaves the shared pull; the pull is aborted only when nobody waits', async () => {
  const adapter = new ContainerAdapter(docker.asDocker());
  let release!: () => void;
  const gate = new Promise<void>((r) => (release = r));
  let pullSignal: AbortSignal | undefined;
  const realPull = docker.pull.bind(docker);
  docker.pull = async (ref: string, opts: object) => {
    pullSignal = (opts as { abortSignal?: AbortSignal }).abortSignal;
    await gate;
    return realPull(ref, opts);
  };
  docker.registry.add('reg/app:1');
  const a = new AbortController();
  const first = adapter.pullImage('reg/app:1', { signal: a.signal });
  const second = adapter.pullImage('reg/app:1', {});
  a.abort();
  await expect(first).rejects.toThrow('pulling image reg/app:1 failed: aborted');
  expect(pullSignal?.aborted).toBe(false);
  release();
  await expect(second).resolves.toBeUndefined();
  expect(pulls()).toHaveLength(1);
});
