// The log broker over a real in-memory store: which nodes a subscription asks, what it
// reports for nodes that cannot answer, what an agent may publish, and that every end
// (all nodes done, cancel, an agent's session lost) cleans up.
import { LogBroker, LogSink, planNodes, selectedTasks } from '../../../manager/logs';
import { MemoryStore, ProposingStore } from '../../../manager/store';
import type { SubscribeLogsMessage } from '../../../proto/gen/shoal/api/SubscribeLogsMessage';
import type { LogSubscription } from '../../../proto/gen/shoal/dispatcher/LogSubscription';
import type { Task } from '../../../manager/api-types';

const opts = (follow = false) => ({ follow, tail: -1, sinceUnixMs: 0 });
const byService = { serviceIds: ['svc-web'], taskIds: [] as string[] };

async function setup() {
  const local = new MemoryStore();
  const store = new ProposingStore(local, async (data) => local.apply(data));
  await store.update((tx) => {
    const node = (id: string, state: 'READY' | 'DOWN') =>
      tx.nodes.create({ id, role: 'worker', status: { state }, description: { hostname: `host-${id}` } });
    node('a', 'READY');
    node('b', 'DOWN');
    node('c', 'READY');
    node('d', 'READY');
    tx.services.create({
      id: 'svc-web',
      spec: {
        annotations: { name: 'web' },
        task: { container: { image: 'x' } },
        replicated: { replicas: 3 },
      },
    });
    tx.services.create({
      id: 'svc-db',
      spec: { annotations: { name: 'db' }, task: { container: { image: 'x' } } },
    });
    const task = (id: string, nodeId: string, slot: number, serviceId = 'svc-web') =>
      tx.tasks.create({
        id,
        serviceId,
        nodeId,
        slot,
        desiredState: 'RUNNING',
        annotations: { name: `web.${slot}` },
      });
    task('t1', 'a', 1);
    task('t2', 'b', 2);
    task('t3', 'c', 3);
    task('t4', '', 4); // not placed: no container anywhere
    task('db1', 'a', 1, 'svc-db');
  });
  const broker = new LogBroker(local);
  const sent = new Map<string, LogSubscription[]>();
  const agent = (nodeId: string) => {
    sent.set(nodeId, []);
    return broker.attachAgent(nodeId, { send: (s) => sent.get(nodeId)!.push(s) });
  };
  const out: SubscribeLogsMessage[] = [];
  let ended = 0;
  let room = true;
  const drains: Array<() => void> = [];
  const sink: LogSink = {
    write: (m) => (out.push(m), room),
    onDrain: (fn) => drains.push(fn),
    end: () => ended++,
  };
  return {
    local,
    store,
    broker,
    sent,
    agent,
    out,
    sink,
    ended: () => ended,
    setRoom: (r: boolean) => (room = r),
    drains,
  };
}

const line = (taskId: string, text = 'hi') => ({
  context: { serviceId: 'svc-web', nodeId: 'a', taskId, serviceName: '', slot: 0, nodeHostname: '' },
  stream: 'STDOUT' as const,
  timestamp: '2026-11-22T17:00:00.000000000Z',
  line: text,
});
const publish = (messages: ReturnType<typeof line>[]) => ({
  sessionId: 's',
  subscriptionId: '',
  messages,
  warnings: [],
});

test('selection: placed tasks of the service (history too), nodes split into asked and skipped', async () => {
  const { local } = await setup();
  const tasks = selectedTasks(byService, local.list('tasks') as Task[]);
  expect(tasks.map((t) => t.id).sort()).toEqual(['t1', 't2', 't3']);
  const plan = planNodes(
    tasks,
    (id) => local.get('nodes', id),
    (id) => id === 'a',
  );
  expect(plan.ask).toEqual(['a']);
  expect(plan.skipped.map((x) => x.warning)).toEqual([
    'node host-b is down: skipping the logs of web.2',
    'node host-c is not connected to the leader: skipping the logs of web.3',
  ]);
  expect(selectedTasks({ serviceIds: [], taskIds: ['db1'] }, local.list('tasks') as Task[])).toHaveLength(1);
});

test('without follow: asks the connected nodes, warns for the others, names the lines from the store, ends when all are done', async () => {
  const { broker, sent, agent, out, sink, ended } = await setup();
  agent('a');
  broker.subscribe(byService, opts(), sink);
  expect(out[0].warnings).toHaveLength(2);
  expect(sent.get('a')).toEqual([expect.objectContaining({ selector: byService, options: opts() })]);
  const subId = sent.get('a')![0].id!;

  let endedCalls = 0;
  const pub = broker.openPublisher('a', subId, () => endedCalls++);
  expect(pub.deliver(publish([line('t1', 'hello')]))).toBe(true);
  expect(out[1].messages).toEqual([
    expect.objectContaining({
      context: {
        serviceId: 'svc-web',
        nodeId: 'a',
        taskId: 't1',
        serviceName: 'web',
        slot: 1,
        nodeHostname: 'host-a',
      },
      line: 'hello',
    }),
  ]);
  expect(ended()).toBe(0);
  pub.close();
  expect(ended()).toBe(1);
  expect(broker.activeSubscriptions).toBe(0);
  expect(endedCalls).toBe(0); // the agent ended its own call
});

test('an agent may publish only selected tasks of its own node', async () => {
  const { broker, sent, agent, sink } = await setup();
  agent('a');
  agent('c');
  broker.subscribe(byService, opts(), sink);
  const subId = sent.get('a')![0].id!;
  const pub = broker.openPublisher('a', subId, () => undefined);
  expect(() => pub.deliver(publish([line('t3')]))).toThrow(
    /task t3 is not a task of this subscription on node a/,
  );
  expect(() => pub.deliver(publish([line('db1')]))).toThrow(/task db1 is not a task of this subscription/);
  expect(() => pub.deliver(publish([line('')]))).toThrow(/messages.context.task_id: task \(none\)/);
  // A node never sent the subscription cannot publish to it.
  expect(() => broker.openPublisher('d', subId, () => undefined)).toThrow(/no log subscription .* node d/);
  expect(() => broker.openPublisher('a', 'unknown', () => undefined)).toThrow(/subscription_id/);
});

test('lines of a task the store no longer has are dropped, the others still flow', async () => {
  const { broker, sent, agent, out, sink } = await setup();
  agent('a');
  broker.subscribe(byService, opts(), sink);
  const pub = broker.openPublisher('a', sent.get('a')![0].id!, () => undefined);
  expect(pub.deliver(publish([line('reaped', 'old'), line('t1', 'new')]))).toBe(true);
  expect(out.at(-1)!.messages!.map((m) => m.line)).toEqual(['new']);
});

test('unknown ids fail before anything is sent', async () => {
  const { broker, sent, agent, sink } = await setup();
  agent('a');
  expect(() => broker.subscribe({ serviceIds: ['nope'], taskIds: [] }, opts(), sink)).toThrow(
    /selector.service_ids: service nope not found/,
  );
  expect(() => broker.subscribe({ serviceIds: [], taskIds: ['nope'] }, opts(), sink)).toThrow(
    /selector.task_ids: task nope not found/,
  );
  expect(() => broker.subscribe({ serviceIds: [], taskIds: [] }, opts(), sink)).toThrow(/selector/);
  expect(sent.get('a')).toEqual([]);
  expect(broker.activeSubscriptions).toBe(0);
});

test('nothing to ask: the stream ends at once', async () => {
  const { broker, sink, ended } = await setup();
  broker.subscribe(byService, opts(), sink); // no agent connected
  expect(ended()).toBe(1);
  expect(broker.activeSubscriptions).toBe(0);
});

test('follow: a task placed later brings its node in; cancel closes it on every agent and ends publishers', async () => {
  const { broker, store, sent, agent, sink, ended } = await setup();
  agent('a');
  agent('d');
  const cancel = broker.subscribe(byService, opts(true), sink);
  expect(sent.get('d')).toEqual([]);
  await store.update((tx) => {
    tx.tasks.create({ id: 't5', serviceId: 'svc-web', nodeId: 'd', slot: 4, desiredState: 'RUNNING' });
  });
  expect(sent.get('d')).toHaveLength(1);
  const subId = sent.get('d')![0].id!;
  let publisherEnded = 0;
  const pub = broker.openPublisher('d', subId, () => publisherEnded++);
  pub.close(); // follow: one node finishing does not end the stream
  broker.openPublisher('a', subId, () => publisherEnded++);
  expect(ended()).toBe(0);

  cancel();
  cancel();
  expect(sent.get('a')!.at(-1)).toEqual({ id: subId, close: true });
  expect(sent.get('d')!.at(-1)).toEqual({ id: subId, close: true });
  expect(publisherEnded).toBe(1);
  expect(broker.activeSubscriptions).toBe(0);
  // No store listener left: a new task is not sent anywhere.
  await store.update((tx) => {
    tx.tasks.create({ id: 't6', serviceId: 'svc-web', nodeId: 'd', slot: 5, desiredState: 'RUNNING' });
  });
  expect(sent.get('d')).toHaveLength(2);
});

test('follow: a node that connects later is asked then; one lost and back resumes from when it was lost', async () => {
  const { broker, store, sent, agent, out, sink } = await setup();
  const detachA = agent('a');
  broker.subscribe(byService, opts(true), sink);
  expect(out[0].warnings).toEqual([
    'node host-b is down: skipping the logs of web.2',
    'node host-c is not connected to the leader: skipping the logs of web.3',
  ]);
  // Task changes on a skipped node do not repeat its warning.
  await store.update((tx) => {
    const t = tx.tasks.get('t3')!;
    t.desiredState = 'SHUTDOWN';
    tx.tasks.update(t);
  });
  expect(out).toHaveLength(1);

  agent('c');
  expect(sent.get('c')).toEqual([expect.objectContaining({ options: opts(true) })]);

  const before = Date.now();
  detachA();
  expect(out.at(-1)!.warnings).toEqual(['lost the log stream of node host-a']);
  agent('a');
  const resumed = sent.get('a')![0].options!;
  expect(resumed.tail).toBe(-1);
  expect(resumed.sinceUnixMs).toBeGreaterThanOrEqual(before);
});

test("an agent's session ending while asked: a warning, and the stream does not wait for it", async () => {
  const { broker, agent, out, sink, ended } = await setup();
  const detach = agent('a');
  broker.subscribe(byService, opts(), sink);
  detach();
  detach();
  expect(out.at(-1)!.warnings).toEqual(['lost the log stream of node host-a']);
  expect(ended()).toBe(1);
});

test('back-pressure: a full subscriber makes deliver answer false and hands over the drain', async () => {
  const { broker, sent, agent, sink, setRoom, drains } = await setup();
  agent('a');
  broker.subscribe(byService, opts(), sink);
  const pub = broker.openPublisher('a', sent.get('a')![0].id!, () => undefined);
  setRoom(false);
  expect(pub.deliver(publish([line('t1')]))).toBe(false);
  let resumed = false;
  pub.onDrain(() => (resumed = true));
  drains.forEach((d) => d());
  expect(resumed).toBe(true);
});
