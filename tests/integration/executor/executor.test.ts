// The Docker executor against a real dockerd on a 1-host lab: tasks become containers
// with the right labels and options, their states are reported from real Docker events,
// and a new executor adopts running containers without restarting them.
import * as crypto from 'crypto';
import * as http from 'http';
import type Docker from 'dockerode';
import type { Task, TaskState, TaskStatus } from '../../../manager/api-types';
import { labUp } from '../../../deploy/lab/lab';
import { sweepLab } from '../../../deploy/lab/sweeper';
import { LabHost, LabState } from '../../../deploy/lab/state';
import { describeNode, Executor, LABEL, NodeInfo } from '../../../worker-agent/executor';
import { taskLogs, TaskLogLine } from '../../../worker-agent/logs';
import { dockerOf, host, testLabName } from '../../support/lab-fixture';
import { makeTask, MakeTask } from '../../unit/executor/make-task';

jest.setTimeout(60_000);

const LAB = testLabName();
const NODE: NodeInfo = { id: 'node-it', hostname: 'w1', platform: { os: 'linux', architecture: 'amd64' } };
let lab: LabState;
let w1: LabHost;
let docker: Docker;
let executor: Executor;
const reports = new Map<string, TaskStatus[]>();

const record = (taskId: string, s: TaskStatus) => reports.set(taskId, [...(reports.get(taskId) ?? []), s]);
const statesOf = (taskId: string): TaskState[] => (reports.get(taskId) ?? []).map((s) => s.state);
const newId = () => 'it' + crypto.randomBytes(6).toString('hex');

function task(o: MakeTask & { image?: string }): Task {
  return makeTask({
    id: newId(),
    nodeId: NODE.id,
    ...o,
    container: { image: `${lab.registry}/${o.image ?? 'lab/app:1'}`, ...o.container },
  });
}

async function waitForState(taskId: string, state: TaskState, timeoutMs = 20_000): Promise<TaskStatus> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = (reports.get(taskId) ?? []).find((s) => s.state === state);
    if (found) return found;
    if (Date.now() > deadline)
      throw new Error(
        `task ${taskId} did not reach ${state} in ${timeoutMs}ms; reported: ${JSON.stringify(reports.get(taskId))}`,
      );
    await new Promise((r) => setTimeout(r, 50));
  }
}

function httpGet(url: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const req = http.get(url, { timeout: 2000 }, (res) => {
      let body = '';
      res.on('data', (c) => (body += c));
      res.on('end', () => resolve(body));
    });
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', reject);
  });
}

async function eventually<T>(fn: () => Promise<T>, tries = 40): Promise<T> {
  let last: unknown;
  for (let i = 0; i < tries; i++) {
    try {
      return await fn();
    } catch (err) {
      last = err;
      await new Promise((r) => setTimeout(r, 150));
    }
  }
  throw last;
}

async function removeAllTaskContainers(): Promise<void> {
  const all = await docker.listContainers({ all: true, filters: { label: [LABEL.taskId] } });
  await Promise.all(
    all.map((c) =>
      docker
        .getContainer(c.Id)
        .remove({ force: true, v: true })
        .catch(() => undefined),
    ),
  );
}

beforeAll(async () => {
  lab = await labUp({ name: LAB, managers: 0, workers: 1 });
  w1 = host(lab, 'w1');
  docker = dockerOf(w1);
  executor = new Executor({ docker, node: NODE, onStatus: record });
  await executor.start();
}, 180_000);

afterEach(async () => {
  if (docker) await removeAllTaskContainers();
});

afterAll(async () => {
  await executor?.close();
  await sweepLab(LAB);
}, 120_000);

describe('docker executor on a real host', () => {
  test('a task of lab/app:1 runs with its labels, templates and published port, and answers HTTP', async () => {
    const t = task({
      serviceName: 'web',
      slot: 2,
      container: {
        hostname: '{{.Service.Name}}-{{.Task.Slot}}',
        env: ['WHERE={{.Node.Hostname}}/{{.Node.ID}}', 'PLAIN=x'],
        labels: { team: 'blue' },
      },
      task: {
        endpoint: {
          spec: null,
          virtualIps: [],
          ports: [
            { name: 'http', protocol: 'TCP', targetPort: 80, publishedPort: 18080, publishMode: 'HOST' },
          ],
        },
      },
    });
    executor.assign(t);
    const running = await waitForState(t.id, 'RUNNING');
    expect(statesOf(t.id)).toEqual(['ACCEPTED', 'PREPARING', 'READY', 'STARTING', 'RUNNING']);
    expect(running.portStatus?.ports).toEqual([
      { name: 'http', protocol: 'TCP', targetPort: 80, publishedPort: 18080, publishMode: 'HOST' },
    ]);

    const info = await docker.getContainer(running.container!.containerId).inspect();
    expect(info.Name).toBe(`/web.2.${t.id}`);
    expect(info.State.Running).toBe(true);
    expect(running.container!.pid).toBe(info.State.Pid);
    expect(info.Config.Labels).toMatchObject({
      [LABEL.serviceId]: 'svc1',
      [LABEL.serviceName]: 'web',
      [LABEL.taskId]: t.id,
      [LABEL.taskName]: `web.2.${t.id}`,
      [LABEL.taskSlot]: '2',
      [LABEL.nodeId]: NODE.id,
      team: 'blue',
    });
    expect(info.Config.Hostname).toBe('web-2');
    expect(info.Config.Env).toEqual(expect.arrayContaining(['WHERE=w1/node-it', 'PLAIN=x']));
    expect(info.HostConfig.RestartPolicy?.Name).toBe('no');

    const answer = await eventually(() => httpGet(`http://${w1.address}:18080/`));
    expect(answer.trim()).toBe('app v1 on web-2');
  });

  test('lab/crash:1 fails with exit code 3', async () => {
    const t = task({ image: 'lab/crash:1', container: { env: ['CRASH_AFTER=0.5'] } });
    executor.assign(t);
    const failed = await waitForState(t.id, 'FAILED');
    expect(failed.err).toBe('task: non-zero exit (3)');
    expect(failed.container?.exitCode).toBe(3);
    expect(statesOf(t.id)).toEqual(['ACCEPTED', 'PREPARING', 'READY', 'STARTING', 'RUNNING', 'FAILED']);
  });

  test('a container that exits 0 completes', async () => {
    const t = task({ image: 'lab/crash:1', container: { env: ['CRASH_AFTER=0.2', 'CRASH_CODE=0'] } });
    executor.assign(t);
    const done = await waitForState(t.id, 'COMPLETE');
    expect(done.err).toBe('');
    expect(done.container?.exitCode).toBe(0);
  });

  test('shutdown stops a container that obeys SIGTERM at once, well within its grace period', async () => {
    const t = task({ container: { stopGracePeriodNs: 10e9 } });
    executor.assign(t);
    await waitForState(t.id, 'RUNNING');
    const started = Date.now();
    executor.assign({ ...t, desiredState: 'SHUTDOWN' });
    const down = await waitForState(t.id, 'SHUTDOWN');
    expect(Date.now() - started).toBeLessThan(3000);
    expect(down.err).toBe('');
    // Shut down, not removed: its logs stay readable until the task leaves the node.
    const info = await docker.getContainer(down.container!.containerId).inspect();
    expect(info.State.Running).toBe(false);
  });

  test('shutdown of a container that ignores its stop signal kills it after the grace period', async () => {
    // PID 1 ignores signals it has no handler for; the app traps only TERM and INT.
    const t = task({ container: { stopSignal: 'SIGUSR1', stopGracePeriodNs: 2e9 } });
    executor.assign(t);
    await waitForState(t.id, 'RUNNING');
    const started = Date.now();
    await executor.controller(t.id)!.shutdown();
    const took = Date.now() - started;
    const down = await waitForState(t.id, 'SHUTDOWN', 1);
    expect(took).toBeGreaterThanOrEqual(1800);
    expect(took).toBeLessThan(6000);
    expect(down.container?.exitCode).toBe(137); // SIGKILL
  });

  test('a failing health check fails the task as unhealthy and stops the container', async () => {
    const t = task({
      container: {
        healthcheck: {
          test: ['CMD-SHELL', 'exit 1'],
          intervalNs: 300e6,
          timeoutNs: 1e9,
          retries: 1,
          startPeriodNs: 0,
        },
      },
    });
    executor.assign(t);
    const failed = await waitForState(t.id, 'FAILED');
    expect(failed.err).toBe('task: unhealthy container');
    expect(statesOf(t.id)).not.toContain('RUNNING');
    const info = await docker.getContainer(failed.container!.containerId).inspect();
    expect(info.State.Running).toBe(false);
  });

  test('a passing health check reports running only once healthy', async () => {
    const t = task({
      container: {
        healthcheck: {
          test: ['CMD-SHELL', 'test -f /www/health'],
          intervalNs: 300e6,
          timeoutNs: 1e9,
          retries: 3,
          startPeriodNs: 0,
        },
      },
    });
    executor.assign(t);
    const running = await waitForState(t.id, 'RUNNING');
    const info = await docker.getContainer(running.container!.containerId).inspect();
    expect(info.State.Health?.Status).toBe('healthy');
  });

  test('an image missing from the registry rejects the task with an error naming it', async () => {
    const t = task({ image: 'lab/nope:1' });
    executor.assign(t);
    const rejected = await waitForState(t.id, 'REJECTED');
    expect(rejected.err).toContain(`pulling image ${lab.registry}/lab/nope:1 failed`);
    expect(statesOf(t.id)).toEqual(['ACCEPTED', 'PREPARING', 'REJECTED']);
  });

  /** The image pulls this daemon did since `sinceSec`, from its own events. */
  async function pullsSince(sinceSec: number): Promise<string[]> {
    const stream = (await docker.getEvents({
      since: sinceSec,
      until: Math.ceil(Date.now() / 1000) + 1,
      filters: { type: ['image'], event: ['pull'] },
    })) as NodeJS.ReadableStream;
    let text = '';
    for await (const chunk of stream) text += chunk.toString();
    return text
      .split('\n')
      .filter((l) => l.trim())
      .map((l) => (JSON.parse(l) as { id?: string; Actor?: { ID?: string } }).Actor?.ID ?? '');
  }

  /**
   * Event times are whole seconds: wait until earlier pulls (other tests') are in a past
   * second, then count from the current one.
   */
  async function nextSecond(): Promise<number> {
    await new Promise((r) => setTimeout(r, 1100));
    return Math.floor(Date.now() / 1000);
  }

  test('an image pinned by digest that the host has starts without a pull; a tag is pulled', async () => {
    const tagged = `${lab.registry}/lab/app:1`;
    const repoDigest = (await docker.getImage(tagged).inspect()).RepoDigests.find((d) =>
      d.startsWith(`${lab.registry}/lab/app@`),
    )!;
    const pinned = `${tagged}@${repoDigest.split('@')[1]}`;
    const since = await nextSecond();
    const t = task({ container: { image: pinned } });
    executor.assign(t);
    await waitForState(t.id, 'RUNNING');
    expect(await pullsSince(since)).toEqual([]);
    const byTag = task({ slot: 2 });
    executor.assign(byTag);
    await waitForState(byTag.id, 'RUNNING');
    expect(await pullsSince(since)).toEqual([tagged]);
  });

  test('tasks of one image assigned together share one pull', async () => {
    const since = await nextSecond();
    const tasks = [1, 2, 3].map((slot) => task({ slot, image: 'lab/app:2' }));
    for (const t of tasks) executor.assign(t);
    for (const t of tasks) await waitForState(t.id, 'RUNNING');
    expect(await pullsSince(since)).toEqual([`${lab.registry}/lab/app:2`]);
  });

  test("a host port already taken fails the second task at start, with Docker's reason", async () => {
    const port = (publishedPort: number): Partial<Task> => ({
      endpoint: {
        spec: null,
        virtualIps: [],
        ports: [{ name: '', protocol: 'TCP', targetPort: 80, publishedPort, publishMode: 'HOST' }],
      },
    });
    const first = task({ slot: 1, task: port(18081) });
    const second = task({ slot: 2, task: port(18081) });
    executor.assign(first);
    await waitForState(first.id, 'RUNNING');
    executor.assign(second);
    const failed = await waitForState(second.id, 'FAILED');
    expect(failed.err).toMatch(/^starting container failed: .*port is already allocated/);
    expect(statesOf(second.id)).toEqual(['ACCEPTED', 'PREPARING', 'READY', 'STARTING', 'FAILED']);
  });

  test("the node description comes from the daemon, in Swarm's terms", async () => {
    const d = await describeNode(docker);
    expect(d.hostname).toBe('w1');
    expect(d.platform).toEqual({
      os: 'linux',
      architecture: process.arch === 'x64' ? 'amd64' : process.arch,
    });
    expect(d.resources?.nanoCpus).toBeGreaterThan(0);
    expect(d.engine?.labels).toMatchObject({ 'shoal.lab': LAB });
  });

  test('a bad spec is rejected with the field named, and nothing is created', async () => {
    const t = task({ container: { env: ['X={{.Task.Nope}}'] } });
    executor.assign(t);
    const rejected = await waitForState(t.id, 'REJECTED');
    expect(rejected.err).toMatch(
      /^spec\.container\.env\[0\]: unknown template placeholder \{\{\.Task\.Nope\}\}/,
    );
    expect(
      await docker.listContainers({ all: true, filters: { label: [`${LABEL.taskId}=${t.id}`] } }),
    ).toEqual([]);
  });

  test('reconcile adopts a running container without restarting it, starts a missing one, removes an orphan', async () => {
    const kept = task({ serviceName: 'keep' });
    executor.assign(kept);
    const running = await waitForState(kept.id, 'RUNNING');
    const before = await docker.getContainer(running.container!.containerId).inspect();

    // An orphan: a shoal container whose task no manager assigns any more.
    const orphan = await docker.createContainer({
      Image: `${lab.registry}/lab/app:1`,
      name: 'gone.1.orphan',
      Labels: { [LABEL.taskId]: 'orphan-task', [LABEL.serviceId]: 'gone', [LABEL.nodeId]: NODE.id },
    });
    await orphan.start();

    // The agent restarts: the old executor lets go, a new one gets the complete set.
    await executor.close();
    const afterRestart = new Map<string, TaskStatus[]>();
    executor = new Executor({
      docker,
      node: NODE,
      onStatus: (id, s) => {
        record(id, s);
        afterRestart.set(id, [...(afterRestart.get(id) ?? []), s]);
      },
    });
    await executor.start();
    const missing = task({ serviceName: 'new' });
    const keptAsManagerSeesIt: Task = { ...kept, status: running };
    const result = await executor.reconcile([keptAsManagerSeesIt, missing]);

    expect(result.adopted).toEqual([kept.id]);
    expect(result.started).toEqual([missing.id]);
    expect(result.removedOrphans).toEqual([orphan.id]);
    await expect(docker.getContainer(orphan.id).inspect()).rejects.toMatchObject({ statusCode: 404 });

    await waitForState(missing.id, 'RUNNING');
    const after = await docker.getContainer(before.Id).inspect();
    expect(after.State.Running).toBe(true);
    expect(after.State.StartedAt).toBe(before.State.StartedAt);
    expect(after.State.Pid).toBe(before.State.Pid);
    expect(afterRestart.get(kept.id)).toBeUndefined(); // already RUNNING as far as the manager knows

    // The adopted task is really watched: its crash would be seen; its removal works.
    await executor.unassign(kept.id);
    expect(statesOf(kept.id).at(-1)).toBe('SHUTDOWN');
    await expect(docker.getContainer(before.Id).inspect()).rejects.toMatchObject({ statusCode: 404 });
  });

  test('an adopted container that later dies is reported failed', async () => {
    const t = task({ image: 'lab/crash:1', container: { env: ['CRASH_AFTER=3'] } });
    executor.assign(t);
    const running = await waitForState(t.id, 'RUNNING');
    await executor.close();
    const seen: TaskStatus[] = [];
    executor = new Executor({
      docker,
      node: NODE,
      onStatus: (id, s) => (record(id, s), id === t.id && seen.push(s)),
    });
    await executor.start();
    const result = await executor.reconcile([{ ...t, status: running }]);
    expect(result.adopted).toEqual([t.id]);
    await waitForState(t.id, 'FAILED');
    expect(seen.map((s) => [s.state, s.err, s.container?.containerId])).toEqual([
      ['FAILED', 'task: non-zero exit (3)', running.container!.containerId],
    ]);
  });

  test('logs stream a task container as demultiplexed lines tagged with the task', async () => {
    const t = task({
      container: {
        command: ['sh', '-c', 'echo out one; sleep 0.2; echo err one >&2; sleep 0.5; echo out two; exit 0'],
      },
    });
    executor.assign(t);
    await waitForState(t.id, 'RUNNING');
    const lines: TaskLogLine[] = [];
    // follow: ends by itself when the container stops
    for await (const l of taskLogs(docker, t.id, { follow: true, timestamps: true })) lines.push(l);
    expect(lines.map((l) => [l.stream, l.line])).toEqual([
      ['stdout', 'out one'],
      ['stderr', 'err one'],
      ['stdout', 'out two'],
    ]);
    for (const l of lines) {
      expect(l).toMatchObject({ taskId: t.id, serviceId: 'svc1', nodeId: NODE.id });
      expect(l.timestamp).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d+Z$/);
    }
    await waitForState(t.id, 'COMPLETE');
    const tail: string[] = [];
    for await (const l of taskLogs(docker, t.id, { tail: 1 })) tail.push(l.line);
    expect(tail).toEqual(['out two']);
    await expect(taskLogs(docker, 'no-such-task').next()).rejects.toThrow(
      'no container of task no-such-task',
    );
  });
});
