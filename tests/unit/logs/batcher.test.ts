// The agent's batching of log lines into PublishLogs messages: lines of one tick go out
// together, a full batch goes at once, and a full receiver holds the producers back.
import { LineBatcher, selectsContainer, type PublishBatch } from '../../../worker-agent/logs';

const line = (n: number) => ({
  context: { serviceId: 's', nodeId: 'n', taskId: 't' },
  stream: 'STDOUT' as const,
  timestamp: '',
  line: `l${n}`,
});
const tick = () => new Promise((r) => setImmediate(r));

test('lines of one tick share a message; warnings ride along', async () => {
  const sent: PublishBatch[] = [];
  const b = new LineBatcher({ write: (m) => (sent.push(m), true), drain: async () => undefined });
  await b.push(line(1));
  await b.push(line(2));
  b.warn('w');
  await tick();
  expect(sent).toEqual([{ messages: [line(1), line(2)], warnings: ['w'] }]);
});

test('a full receiver: push waits for drain, then goes on', async () => {
  const sent: PublishBatch[] = [];
  let release: () => void = () => undefined;
  const b = new LineBatcher({
    write: (m) => (sent.push(m), false),
    drain: () => new Promise<void>((r) => (release = r)),
  });
  const pushes: Array<Promise<void>> = [];
  for (let i = 0; i < 100; i++) pushes.push(b.push(line(i))); // the 100th fills a batch
  let done = false;
  const all = Promise.all(pushes).then(() => (done = true));
  await tick();
  expect(sent).toHaveLength(1);
  expect(sent[0].messages).toHaveLength(100);
  let after = false;
  const next = b.push(line(100)).then(() => (after = true));
  await tick();
  expect(after).toBe(false);
  release();
  await all;
  await next;
  expect(done && after).toBe(true);
});

test("containers are selected by their labels' service or task", () => {
  const sub = {
    selector: { serviceIds: ['s1'], taskIds: ['t9'] },
    options: { follow: false, tail: -1, sinceUnixMs: 0 },
  };
  const id = (serviceId: string, taskId: string) => ({
    serviceId,
    taskId,
    serviceName: '',
    taskName: '',
    slot: '',
    nodeId: '',
  });
  expect(selectsContainer(sub, id('s1', 't1'))).toBe(true);
  expect(selectsContainer(sub, id('s2', 't9'))).toBe(true);
  expect(selectsContainer(sub, id('s2', 't1'))).toBe(false);
});
