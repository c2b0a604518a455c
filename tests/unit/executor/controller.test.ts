// Task state transitions from Docker events, on an in-memory Docker: which states are
// reported, in which order, with which messages, and what the controller asks Docker to do.
import type { Task, TaskState, TaskStatus } from '../../../manager/api-types';
import { Executor } from '../../../worker-agent/executor';
import { FakeDocker } from './fake-docker';
import { makeTask, MakeTask } from './make-task';

const NODE = { id: 'n1', hostname: 'h1', platform: { os: 'linux', architecture: 'amd64' } };
const IMAGE = 'reg/app:1';

let docker: FakeDocker;
let executor: Executor;
let reports: Array<[string, TaskStatus]>;
let progress: Array<[string, string | undefined]>;

const statesOf = (taskId: string): TaskState[] =>
  reports.filter(([id]) => id === taskId).map(([, s]) => s.state);
const last = (taskId: string): TaskStatus => reports.filter(([id]) => id === taskId).at(-1)![1];
const tick = () => new Promise((r) => setTimeout(r, 5));

async function until(cond: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 400; i++) {
    if (cond()) return;
    await tick();
  }
  throw new Error(
    `timed out waiting for ${what}; reports: ${JSON.stringify(reports.map(([id, s]) => [id, s.state, s.err]))}`,
  );
}
const untilState = (taskId: string, state: TaskState) =>
  until(() => statesOf(taskId).includes(state), `${taskId} ${state}`);

const task = (o: MakeTask = {}): Task => makeTask({ ...o, container: { image: IMAGE, ...o.container } });

beforeEach(async () => {
  docker = new FakeDocker();
  docker.registry.add(IMAGE);
  reports = [];
  progress = [];
  executor = new Executor({
    docker: docker.asDocker(),
    node: NODE,
    onStatus: (id, s) => reports.push([id, s]),
    onPullProgress: (id, p) => progress.push([id, p.status]),
    registryAuth: (t) =>
      t.serviceId === 'private' ? { username: 'u', password: 'p', serveraddress: 'reg' } : undefined,
  });
  await executor.start();
});

afterEach(async () => {
  await executor.close();
});

test('a task runs through accepted, preparing, ready, starting, running and completes on exit 0', async () => {
  executor.assign(task({ id: 't1' }));
  await untilState('t1', 'RUNNING');
  const c = docker.only();
  expect(c.name).toBe('web.1.t1');
  expect(last('t1')).toMatchObject({ state: 'RUNNING', message: 'started', err: '' });
  expect(last('t1').container).toEqual({ containerId: c.id, pid: c.pid, exitCode: 0 });
  docker.exit(c.id, 0);
  await untilState('t1', 'COMPLETE');
  expect(statesOf('t1')).toEqual(['ACCEPTED', 'PREPARING', 'READY', 'STARTING', 'RUNNING', 'COMPLETE']);
  expect(reports.find(([, st]) => st.state === 'READY')![1]).toMatchObject({
    message: 'prepared',
    container: { containerId: c.id },
  });
  expect(progress).toEqual([['t1', 'Pulling from x']]);
});

test('a non-zero exit fails the task with the exit code', async () => {
  executor.assign(task({ id: 't1' }));
  await untilState('t1', 'RUNNING');
  docker.exit(docker.only().id, 3);
  await untilState('t1', 'FAILED');
  expect(last('t1')).toMatchObject({ err: 'task: non-zero exit (3)', container: { exitCode: 3 } });
});

test('shutdown stops with the grace period and reports shutdown whatever the exit code', async () => {
  const t = task({ id: 't1', container: { stopGracePeriodNs: 7e9 } });
  executor.assign(t);
  await untilState('t1', 'RUNNING');
  executor.assign({ ...t, desiredState: 'SHUTDOWN' });
  await untilState('t1', 'SHUTDOWN');
  expect(docker.calls).toContainEqual(['stop', docker.only().id, 7]);
  expect(last('t1')).toMatchObject({ err: '', container: { exitCode: 143 } });
  expect(docker.only().status).toBe('exited'); // kept (logs) until unassigned
  await executor.unassign('t1');
  expect(docker.containers.size).toBe(0);
});

test('with a health check, running waits for healthy; unhealthy stops and fails the task', async () => {
  const health = { test: ['CMD', 'check'], intervalNs: 1e9, timeoutNs: 1e9, retries: 1, startPeriodNs: 0 };
  executor.assign(task({ id: 'ok', container: { healthcheck: health } }));
  executor.assign(task({ id: 'bad', slot: 2, container: { healthcheck: health, stopGracePeriodNs: 1e9 } }));
  await until(
    () =>
      docker.containers.size === 2 && [...docker.containers.values()].every((c) => c.status === 'running'),
    'both started',
  );
  await tick();
  expect(statesOf('ok')).toEqual(['ACCEPTED', 'PREPARING', 'READY', 'STARTING']);
  const [ok, bad] = [...docker.containers.values()];
  docker.setHealth(ok.id, 'healthy');
  await untilState('ok', 'RUNNING');
  docker.setHealth(bad.id, 'unhealthy');
  await untilState('bad', 'FAILED');
  expect(docker.calls).toContainEqual(['stop', bad.id, 1]);
  expect(last('bad')).toMatchObject({ state: 'FAILED', err: 'task: unhealthy container' });
  expect(statesOf('bad')).not.toContain('RUNNING');
});

test('one events stream serves every task', async () => {
  for (let i = 1; i <= 5; i++) executor.assign(task({ id: `t${i}`, slot: i }));
  await until(() => [1, 2, 3, 4, 5].every((i) => statesOf(`t${i}`).includes('RUNNING')), 'all running');
  expect(docker.calls.filter(([c]) => c === 'getEvents')).toHaveLength(1);
});

test('an image the registry does not have rejects the task with the image named', async () => {
  executor.assign(task({ id: 't1', container: { image: 'reg/missing:9' } }));
  await untilState('t1', 'REJECTED');
  expect(statesOf('t1')).toEqual(['ACCEPTED', 'PREPARING', 'REJECTED']);
  expect(last('t1').err).toBe('pulling image reg/missing:9 failed: manifest unknown');
  expect(docker.containers.size).toBe(0);
});

test('a failed pull of an image present locally still runs the task', async () => {
  docker.registry.clear();
  docker.images.add(IMAGE);
  executor.assign(task({ id: 't1' }));
  await untilState('t1', 'RUNNING');
});

test('registry credentials reach the pull', async () => {
  executor.assign(task({ id: 't1', serviceId: 'private' }));
  await untilState('t1', 'RUNNING');
  expect(docker.calls.find(([c]) => c === 'pull')).toEqual([
    'pull',
    IMAGE,
    expect.objectContaining({ authconfig: { username: 'u', password: 'p', serveraddress: 'reg' } }),
  ]);
});

test("a job's task (desired complete) runs to its end instead of being stopped", async () => {
  executor.assign(task({ id: 'j1', task: { desiredState: 'COMPLETE' } }));
  await untilState('j1', 'RUNNING');
  expect(docker.calls.filter(([c]) => c === 'stop')).toEqual([]);
  docker.exit(docker.only().id, 0);
  await untilState('j1', 'COMPLETE');
  expect(statesOf('j1')).toEqual(['ACCEPTED', 'PREPARING', 'READY', 'STARTING', 'RUNNING', 'COMPLETE']);
});

test('a task whose desired state is already shutdown is never created', async () => {
  executor.assign(task({ id: 't1', task: { desiredState: 'SHUTDOWN' } }));
  await untilState('t1', 'SHUTDOWN');
  expect(docker.calls.filter(([c]) => c === 'create')).toEqual([]);
});

test('an exit missed while the events stream was down is found after it reconnects', async () => {
  executor.assign(task({ id: 't1' }));
  await untilState('t1', 'RUNNING');
  docker.events.end(); // the daemon dropped the stream
  docker.exit(docker.only().id, 2, { silently: true });
  await untilState('t1', 'FAILED');
  expect(docker.eventStreams).toHaveLength(2);
  expect((docker.calls.filter(([c]) => c === 'getEvents')[1][1] as { since?: string }).since).toMatch(
    /^\d+\.\d+$/,
  );
});

test('reconcile adopts, starts, and removes orphans and unassigned tasks', async () => {
  executor.assign(task({ id: 'keep' }));
  executor.assign(task({ id: 'drop', slot: 2 }));
  await until(() => statesOf('keep').includes('RUNNING') && statesOf('drop').includes('RUNNING'), 'running');
  await executor.close();

  // An orphan from an earlier life of the agent.
  docker.images.add(IMAGE);
  const orphan = await docker.createContainer({
    Image: IMAGE,
    name: 'old.1.x',
    Labels: { 'shoal.task.id': 'x' },
  });
  await docker.getContainer(orphan.id).start();
  const keepId = [...docker.containers.values()].find((c) => c.name === 'web.1.keep')!.id;
  const dropId = [...docker.containers.values()].find((c) => c.name === 'web.2.drop')!.id;

  reports = [];
  progress = [];
  executor = new Executor({
    docker: docker.asDocker(),
    node: NODE,
    onStatus: (id, s) => reports.push([id, s]),
    onPullProgress: (id, p) => progress.push([id, p.status]),
  });
  await executor.start();
  const running: TaskStatus = {
    timestamp: 1,
    state: 'RUNNING',
    message: 'started',
    err: '',
    container: null,
    portStatus: null,
  };
  const result = await executor.reconcile([
    task({ id: 'keep', task: { status: running } }),
    task({ id: 'new', slot: 3 }),
  ]);
  expect(result).toEqual({
    adopted: ['keep'],
    started: ['new'],
    removedOrphans: expect.arrayContaining([dropId, orphan.id]),
    removedTasks: [],
  });
  expect(docker.containers.has(orphan.id)).toBe(false);
  expect(docker.containers.has(dropId)).toBe(false);
  await untilState('new', 'RUNNING');
  expect(docker.calls.filter(([c, id]) => c === 'start' && id === keepId)).toHaveLength(1); // never restarted
  expect(statesOf('keep')).toEqual([]); // the manager already knows it runs

  docker.exit(keepId, 1);
  await untilState('keep', 'FAILED');

  // A second reconcile without 'new' removes that task's container through its controller.
  const second = await executor.reconcile([task({ id: 'keep', task: { status: running } })]);
  expect(second.removedTasks).toEqual(['new']);
  expect(statesOf('new').at(-1)).toBe('SHUTDOWN');
  expect([...docker.containers.values()].map((c) => c.name)).toEqual(['web.1.keep']);
});

test('a task that was running but whose container vanished fails instead of silently restarting', async () => {
  const running: TaskStatus = {
    timestamp: 1,
    state: 'RUNNING',
    message: 'started',
    err: '',
    container: null,
    portStatus: null,
  };
  await executor.reconcile([task({ id: 'lost', task: { status: running } })]);
  await untilState('lost', 'FAILED');
  expect(last('lost').err).toBe('task: the container was removed outside of shoal');
  expect(docker.calls.filter(([c]) => c === 'create')).toEqual([]);
});

test('using the executor before start is a clear error', () => {
  const e = new Executor({ docker: docker.asDocker(), node: NODE, onStatus: () => undefined });
  expect(() => e.assign(task())).toThrow('executor: call start() before assigning tasks');
});
