import type { Task } from '../../../manager/api-types';
import { compilePlacement } from '../../../manager/constraints/placement';
import {
  askFor,
  constraintFilter,
  hostPortFilter,
  maxReplicasFilter,
  NodeInfo,
  Pipeline,
  platformFilter,
  readyFilter,
  resourceFilter,
} from '../../../manager/scheduler';
import { node, service, task } from '../orchestrator/fixtures';

const svc = service('web');
const withSpec = (t: Record<string, unknown>): Task =>
  task(service('web', { task: { container: { image: 'x' }, ...t } }), { state: 'PENDING', nodeId: '' });
const ask = (t: Task) => askFor(t, compilePlacement(t.spec?.placement));
const info = (n = node('n1'), tasks: Task[] = []) => {
  const i = new NodeInfo(n);
  for (const t of tasks) i.setTask(t);
  return i;
};

describe('ready filter', () => {
  it.each([
    ['READY', 'ACTIVE', true],
    ['READY', 'PAUSE', false],
    ['READY', 'DRAIN', false],
    ['DOWN', 'ACTIVE', false],
    ['UNKNOWN', 'ACTIVE', false],
    ['DISCONNECTED', 'ACTIVE', false],
  ])('%s/%s -> %s', (state, availability, ok) => {
    expect(readyFilter.check(ask(withSpec({})), info(node('n', { state, availability })))).toBe(ok);
  });
  it('explains in Swarm words', () => {
    expect(readyFilter.explain(1)).toBe('1 node not available for new tasks');
    expect(readyFilter.explain(2)).toBe('2 nodes not available for new tasks');
  });
});

describe('resource filter', () => {
  const big = withSpec({ resources: { reservations: { nanoCpus: 3e9, memoryBytes: 1e9 } } });
  it('is off without reservations', () => {
    expect(resourceFilter.enabled(ask(withSpec({})))).toBe(false);
    expect(resourceFilter.enabled(ask(big))).toBe(true);
  });
  it('counts what tasks already placed on the node reserve, and frees it when they exit', () => {
    const n = node('n1', { cpus: 4e9, memory: 8e9 });
    const running = { ...big, id: 'r1', nodeId: 'n1', status: { ...big.status!, state: 'RUNNING' as const } };
    const i = info(n, [running]);
    expect(i.availableCpu).toBe(1e9);
    expect(resourceFilter.check(ask(big), i)).toBe(false);
    i.setTask({ ...running, status: { ...running.status, state: 'FAILED' } });
    expect(i.availableCpu).toBe(4e9);
    expect(resourceFilter.check(ask(big), i)).toBe(true);
    expect(resourceFilter.explain(1)).toBe('insufficient resources on 1 node');
  });
  it('memory alone can be short', () => {
    const t = withSpec({ resources: { reservations: { memoryBytes: 9e9 } } });
    expect(resourceFilter.check(ask(t), info(node('n1', { memory: 8e9 })))).toBe(false);
  });
});

describe('constraint and platform filters', () => {
  it('constraints', () => {
    const t = withSpec({ placement: { constraints: ['node.labels.zone==a'] } });
    expect(constraintFilter.enabled(ask(withSpec({})))).toBe(false);
    expect(constraintFilter.check(ask(t), info(node('a', { labels: { zone: 'a' } })))).toBe(true);
    expect(constraintFilter.check(ask(t), info(node('b', { labels: { zone: 'b' } })))).toBe(false);
    expect(constraintFilter.explain(3)).toBe('scheduling constraints not satisfied on 3 nodes');
  });
  it('a spec whose constraint does not parse fits no node', () => {
    const t = withSpec({ placement: { constraints: ['zone=a'] } });
    expect(constraintFilter.enabled(ask(t))).toBe(true);
    expect(constraintFilter.check(ask(t), info())).toBe(false);
  });
  it('platform', () => {
    const t = withSpec({ placement: { platforms: [{ os: 'linux', architecture: 'arm64' }] } });
    expect(platformFilter.check(ask(t), info(node('a', { arch: 'aarch64' })))).toBe(true);
    expect(platformFilter.check(ask(t), info(node('b', { arch: 'x86_64' })))).toBe(false);
    expect(platformFilter.explain(2)).toBe('unsupported platform on 2 nodes');
  });
});

describe('host port filter', () => {
  const hostPort = (published: number, mode = 'HOST') =>
    task(svc, {
      state: 'PENDING',
      nodeId: '',
      endpoint: { ports: [{ protocol: 'TCP', targetPort: 80, publishedPort: published, publishMode: mode }] },
    });
  it('only host-mode published ports count', () => {
    expect(hostPortFilter.enabled(ask(hostPort(8080)))).toBe(true);
    expect(hostPortFilter.enabled(ask(hostPort(8080, 'INGRESS')))).toBe(false);
    expect(hostPortFilter.enabled(ask(hostPort(0)))).toBe(false);
  });
  it('rejects a node where the port is taken, until that task stops', () => {
    const holder = {
      ...hostPort(8080),
      id: 'h',
      nodeId: 'n1',
      status: { ...hostPort(1).status!, state: 'RUNNING' as const },
    };
    const i = info(node('n1'), [holder]);
    expect(hostPortFilter.check(ask(hostPort(8080)), i)).toBe(false);
    expect(hostPortFilter.check(ask(hostPort(8081)), i)).toBe(true);
    i.removeTask('h');
    expect(hostPortFilter.check(ask(hostPort(8080)), i)).toBe(true);
    expect(hostPortFilter.explain(1)).toBe('host-mode port already in use on 1 node');
  });
});

describe('max replicas filter', () => {
  it('limits tasks of the same service per node', () => {
    const t = withSpec({ placement: { maxReplicas: 2 } });
    const placed = (id: string) => ({
      ...t,
      id,
      nodeId: 'n1',
      status: { ...t.status!, state: 'RUNNING' as const },
    });
    const i = info(node('n1'), [placed('a')]);
    expect(maxReplicasFilter.check(ask(t), i)).toBe(true);
    i.setTask(placed('b'));
    expect(maxReplicasFilter.check(ask(t), i)).toBe(false);
    expect(maxReplicasFilter.explain(1)).toBe('max replicas per node limit exceed');
  });
});

describe('pipeline', () => {
  it('counts each node once, by its first failing filter, most frequent first', () => {
    const t = withSpec({
      placement: { constraints: ['node.labels.zone==a'] },
      resources: { reservations: { memoryBytes: 4e9 } },
    });
    const p = new Pipeline();
    p.setTask(ask(t));
    const nodes = [
      node('down', { state: 'DOWN', labels: { zone: 'b' } }), // ready fails first
      node('small', { memory: 1e9, labels: { zone: 'a' } }),
      node('b1', { labels: { zone: 'b' } }),
      node('b2', { labels: { zone: 'b' } }),
      node('b3', { labels: { zone: 'b' } }),
    ];
    expect(nodes.map((n) => p.check(info(n)))).toEqual([false, false, false, false, false]);
    expect(p.explain()).toBe(
      'no suitable node (scheduling constraints not satisfied on 3 nodes; 1 node not available for new tasks; insufficient resources on 1 node)',
    );
    p.setTask(ask(t));
    expect(p.explain()).toBe('no suitable node');
  });
});
