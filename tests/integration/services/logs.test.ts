// `shoal service logs` on a real lab (3 managers + 2 workers): the lines of every task of
// a service, read on the hosts holding them and merged by the leader's log broker, with
// docker's `web.N.TASKID@HOST` prefixes; compared with `service ps` and with each host's
// own `docker logs`. Also --tail, --timestamps, --no-task-ids, --since, -f picking up a
// task created by a later scale, the CLI on a follower manager, bad input, and a node
// that is down. One lab for the file; the tests run in order.
import { spawn } from 'child_process';
import { sweepLab } from '../../../deploy/lab/sweeper';
import { nsenterArgs } from '../../../deploy/lab/host-namespaces';
import { FrameDemuxer, LineSplitter } from '../../../worker-agent/logs';
import { LabCluster, SHOAL, waitFor } from '../../support/lab-cluster';
import { testLabName } from '../../support/lab-fixture';

jest.setTimeout(300_000);

const NAME = testLabName();
let c: LabCluster;

// Each container says who it is on both streams: stderr first, then two stdout lines.
// dockerd copies the two pipes concurrently, so the pause is what makes "bye" the last
// line of the log (for --tail 1).
const SCRIPT =
  'trap "exit 0" TERM; echo "oops from $(hostname)" >&2; sleep 1; echo "hello from $(hostname)"; ' +
  'echo "bye from $(hostname)"; while true; do sleep 1; done';

interface Expected {
  prefix: string; // web.N.TASKID12@HOST
  host: string;
  containerHostname: string;
}

/** What the host's own dockerd has for the container: [stdout lines, stderr lines]. */
async function dockerLogs(
  host: string,
  containerId: string,
): Promise<{ stdout: string[]; stderr: string[] }> {
  const body = (await c
    .docker(host)
    .getContainer(containerId)
    .logs({ stdout: true, stderr: true })) as Buffer;
  const lines = new LineSplitter(false);
  const out = { stdout: [] as string[], stderr: [] as string[] };
  for (const f of new FrameDemuxer().push(body))
    for (const l of lines.push(f.stream, f.payload)) out[l.stream].push(l.text);
  return out;
}

/** The running tasks of `web` as `service ps` and each host's dockerd know them. */
async function expectedTasks(): Promise<Expected[]> {
  const containers = await c.waitRunning(
    'web',
    (await c.tasks('web')).filter((t) => t.desiredState === 'RUNNING').length,
  );
  const tasks = await c.tasks('web');
  const nodes = c.nodes().map((n) => ({ ...n, ID: n.ID.replace(/ \*$/, '') })); // "ID *" is self
  const hostOf = (nodeId: string) => nodes.find((n) => n.ID === nodeId)?.Hostname;
  const ps = c.runningTasks('web');
  const out: Expected[] = [];
  for (const ctr of containers) {
    const task = tasks.find((t) => t.id === ctr.taskId)!;
    const host = hostOf(task.nodeId)!;
    expect(host).toBe(ctr.host); // the store and the host agree on where it runs
    expect(ps).toContainEqual(
      expect.objectContaining({ ID: task.id.slice(0, 12), Name: `web.${task.slot}`, Node: host }),
    );
    const logged = await waitFor(`${ctr.id} to log`, async () => {
      const l = await dockerLogs(ctr.host, ctr.id);
      return l.stdout.length >= 2 ? l : undefined;
    });
    out.push({
      prefix: `web.${task.slot}.${task.id.slice(0, 12)}@${host}`,
      host,
      containerHostname: logged.stdout[0].replace(/^hello from /, ''),
    });
  }
  return out.sort((a, b) => a.prefix.localeCompare(b.prefix));
}

const lines = (text: string) => text.split('\n').filter(Boolean);

function logs(via: string, args: string[]): { stdout: string[]; stderr: string[] } {
  const r = c.tryShoal(via, ['service', 'logs', ...args], 60_000);
  if (r.code !== 0)
    throw new Error(`service logs ${args.join(' ')} on ${via} failed (${r.code}): ${r.stderr}`);
  return { stdout: lines(r.stdout), stderr: lines(r.stderr) };
}

function follower(): string {
  const leader = c.leaderHost(c.via);
  return c.managers.find((m) => m !== leader)!;
}

beforeAll(async () => {
  c = await LabCluster.up(NAME, 3, 2);
  c.shoal(c.via, [
    'service',
    'create',
    '--name',
    'web',
    '--replicas',
    '3',
    '--max-replicas',
    '1',
    `${c.lab.registry}/lab/app:1`,
    'sh',
    '-c',
    SCRIPT,
  ]);
}, 300_000);

afterAll(async () => {
  await sweepLab(NAME);
});

test('service logs shows every task, prefixed web.N.ID@HOST as service ps places them, with what docker logs has on each host', async () => {
  const expected = await expectedTasks();
  expect(expected).toHaveLength(3);
  expect(new Set(expected.map((e) => e.host)).size).toBe(3);

  for (const via of [c.via, follower()]) {
    const out = logs(via, ['web']);
    const stdout = expected.flatMap((e) => [
      `${e.prefix}    | hello from ${e.containerHostname}`,
      `${e.prefix}    | bye from ${e.containerHostname}`,
    ]);
    expect([...out.stdout].sort()).toEqual([...stdout].sort());
    // stderr lines go to the CLI's stderr
    expect([...out.stderr].sort()).toEqual(
      expected.map((e) => `${e.prefix}    | oops from ${e.containerHostname}`).sort(),
    );
    // each task's own lines keep their order (merged by time)
    for (const e of expected) {
      const mine = out.stdout.filter((l) => l.startsWith(e.prefix));
      expect(mine.map((l) => l.split('| ')[1].split(' ')[0])).toEqual(['hello', 'bye']);
    }
  }
  console.log(`service logs web: ${expected.map((e) => e.prefix).join(', ')}`);
});

test('--tail 1 gives the last line of each task; --timestamps adds RFC 3339 times; --no-task-ids and --raw change the prefix', async () => {
  const expected = await expectedTasks();
  const tail = logs(c.via, ['web', '--tail', '1']);
  expect([...tail.stdout].sort()).toEqual(
    expected.map((e) => `${e.prefix}    | bye from ${e.containerHostname}`).sort(),
  );
  expect(tail.stderr).toEqual([]);

  const ts = logs(c.via, ['web', '--timestamps']);
  expect(ts.stdout).toHaveLength(6);
  for (const l of ts.stdout) {
    const m =
      /^web\.\d\.[0-9a-z]{12}@\S+ {4}\| (\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d+Z) (hello|bye) from /.exec(l);
    expect(m).not.toBeNull();
    expect(Math.abs(Date.parse(m![1]) - Date.now())).toBeLessThan(3_600_000);
  }

  const short = logs(c.via, ['web', '--no-task-ids', '--tail', '1']);
  expect([...short.stdout].sort()).toEqual(
    expected
      .map((e) => `${e.prefix.replace(/\.[0-9a-z]{12}@/, '@')}    | bye from ${e.containerHostname}`)
      .sort(),
  );
  const raw = logs(c.via, ['web', '--raw', '--tail', '1']);
  expect([...raw.stdout].sort()).toEqual(expected.map((e) => `bye from ${e.containerHostname}`).sort());
});

test('--since: a time in the future shows nothing, 10m shows everything; a task id shows that task alone', async () => {
  expect(logs(c.via, ['web', '--since', '2099-01-01T00:00:00Z']).stdout).toEqual([]);
  expect(logs(c.via, ['web', '--since', '10m']).stdout).toHaveLength(6);
  const [one] = await expectedTasks();
  const tasks = await c.tasks('web');
  const task = tasks.find((t) => one.prefix.includes(t.id.slice(0, 12)))!;
  const out = logs(c.via, [task.id]);
  expect(out.stdout).toEqual([
    `${one.prefix}    | hello from ${one.containerHostname}`,
    `${one.prefix}    | bye from ${one.containerHostname}`,
  ]);
});

test('-f on a follower keeps streaming and sees a task created by a later scale; Ctrl-C ends it', async () => {
  const via = follower();
  const child = spawn('nsenter', nsenterArgs(c.host(via).sshdPid!, [SHOAL, 'service', 'logs', '-f', 'web']));
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => (stdout += d));
  child.stderr.on('data', (d) => (stderr += d));
  const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
  try {
    await waitFor(
      'the 3 tasks in the follow output',
      () => lines(stdout).filter((l) => /\| hello from/.test(l)).length === 3,
    );
    c.shoal(c.via, ['service', 'scale', 'web=4']);
    const expected = await expectedTasks();
    const added = expected.find((e) => e.prefix.startsWith('web.4.'))!;
    expect(added).toBeDefined();
    await waitFor(
      'the new task in the follow output',
      () => lines(stdout).includes(`${added.prefix}    | hello from ${added.containerHostname}`),
      30_000,
    );
    expect(lines(stderr)).toContain(`${added.prefix}    | oops from ${added.containerHostname}`);
    child.kill('SIGINT');
    expect(await exited).toBe(0);
  } finally {
    if (child.exitCode === null) child.kill('SIGKILL');
  }
});

test('history: tasks replaced by an update are shown as long as their hosts keep their containers', async () => {
  // A scale down removes the containers (as in Docker); an update keeps the old ones, stopped.
  c.shoal(c.via, ['service', 'scale', 'web=3']);
  c.shoal(c.via, ['service', 'update', '--force', '--update-parallelism', '3', 'web'], 120_000);
  await c.waitRunning('web', 3);
  const running = new Set((await c.containers('web')).map((x) => x.id));
  const stopped = (await c.containers('web', { all: true })).filter((x) => !running.has(x.id));
  expect(stopped.length).toBeGreaterThanOrEqual(3);
  const tasks = await c.tasks('web');
  const out = logs(c.via, ['web']);
  for (const ctr of stopped) {
    const task = tasks.find((t) => t.id === ctr.taskId);
    const prefix = `web.${ctr.slot}.${ctr.taskId.slice(0, 12)}@${ctr.host}    | `;
    const shown = out.stdout.filter((l) => l.startsWith(prefix)).map((l) => l.slice(prefix.length));
    // A task the store reaped cannot be named: its lines are left out.
    expect(shown).toEqual(task ? (await dockerLogs(ctr.host, ctr.id)).stdout : []);
    if (task) expect(shown.length).toBe(2);
  }
  console.log(`history: ${stopped.length} stopped container(s) of web kept on the hosts`);
});

test('bad input names the argument or flag and fails', () => {
  const unknown = c.tryShoal(c.via, ['service', 'logs', 'nope']);
  expect(unknown.code).not.toBe(0);
  expect(unknown.stderr).toMatch(/SERVICE\|TASK: no such service or task: nope/);
  const since = c.tryShoal(c.via, ['service', 'logs', 'web', '--since', 'yesterday']);
  expect(since.code).not.toBe(0);
  expect(since.stderr).toMatch(/--since: expected a duration/);
  const tail = c.tryShoal(c.via, ['service', 'logs', 'web', '--tail', 'ten']);
  expect(tail.code).not.toBe(0);
  expect(tail.stderr).toMatch(/--tail: expected a whole number/);
  const worker = c.tryShoal(c.workers[0], ['service', 'logs', 'web']);
  expect(worker.code).not.toBe(0);
  expect(worker.stderr).toMatch(/not a manager/);
});

test("a node that is down: its tasks are skipped with a warning, the others' lines still come", async () => {
  const before = await expectedTasks();
  const victim = before.find((e) => c.workers.includes(e.host)) ?? before[0];
  c.kill9(victim.host);
  try {
    await waitFor(
      `${victim.host} down`,
      () => c.nodes().find((n) => n.Hostname === victim.host)?.Status === 'Down',
      60_000,
      500,
    );
    const out = logs(c.via, ['web', '--tail', '1']);
    expect(out.stderr.join('\n')).toMatch(
      new RegExp(`warning: node ${victim.host} is down: skipping the logs of `),
    );
    for (const e of before.filter((x) => x.host !== victim.host))
      expect(out.stdout).toContain(`${e.prefix}    | bye from ${e.containerHostname}`);
    expect(out.stdout.some((l) => l.includes(`@${victim.host} `))).toBe(false);
  } finally {
    await c.restart(victim.host);
  }
});
