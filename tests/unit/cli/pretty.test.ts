import type { Node, Service } from '../../../manager/api-types';
import { normalize } from '../../../manager/store';
import { prettyService } from '../../../cli/commands/service-pretty';
import { prettyNode } from '../../../cli/commands/node-pretty';
import { bytesSize, render } from '../../../cli/pretty';

const NOW = 1_800_000_000_000;

function service(fields: object): Service {
  return normalize<Service>('services', { id: 'abc123def456ghi789', ...fields });
}

test('a replicated service: docker sections, values in one column, empty sections left out', () => {
  const s = service({
    spec: {
      annotations: { name: 'web', labels: { tier: 'front', flag: '' } },
      replicated: { replicas: 3 },
      task: {
        container: { image: 'lab/app:1', args: ['serve', '--port', '80'], env: ['A=1'], user: 'nobody' },
        placement: { constraints: ['node.role==worker'], preferences: [{ spread: 'node.labels.zone' }] },
        resources: { reservations: { nanoCpus: 500_000_000, memoryBytes: 64 * 1024 * 1024 } },
        restart: { condition: 'ON_FAILURE', delayNs: 5e9, maxAttempts: 3 },
      },
      update: {
        parallelism: 2,
        delayNs: 10e9,
        failureAction: 'ROLLBACK',
        monitorNs: 5e9,
        order: 'START_FIRST',
      },
      endpoint: { ports: [{ targetPort: 80, publishedPort: 8080, publishMode: 'HOST', protocol: 'TCP' }] },
    },
  });
  const text = prettyService(s, NOW);
  const lines = text.split('\n');
  // Every value starts in the same column.
  const column = lines[0].indexOf('abc123');
  for (const l of lines.filter((x) => /:\s+\S/.test(x))) expect(l.search(/(?<=:\s+)\S/)).toBe(column);
  const compact = lines.map((l) => l.replace(/:\s+/, ': ')).join('\n');
  expect(compact).toContain('ID: abc123def456ghi789\nName: web\nLabels:\n flag\n tier=front\n');
  expect(compact).toContain('Service Mode: Replicated\n Replicas: 3\n');
  expect(compact).toContain(
    'Placement:\n Constraints: [node.role==worker]\n Preferences: [spread=node.labels.zone]\n',
  );
  expect(compact).toContain(
    'UpdateConfig:\n Parallelism: 2\n Delay: 10s\n On failure: rollback\n Monitoring Period: 5s\n Max failure ratio: 0\n Update order: start-first\n',
  );
  expect(compact).toContain(
    'ContainerSpec:\n Image: lab/app:1\n Args: serve --port 80\n Env: A=1\n User: nobody\n',
  );
  expect(compact).toContain('Resources:\n Reservations:\n  CPU: 0.5\n  Memory: 64MiB\n');
  expect(compact).toContain(
    'Restart Policy:\n Condition: on-failure\n Delay: 5s\n Max Attempts: 3\n Window: unlimited\n',
  );
  expect(compact).toContain(
    'Endpoint Mode: vip\nPorts:\n PublishedPort: 8080\n  Protocol: tcp\n  TargetPort: 80\n  PublishMode: host',
  );
  // No limits were set, no update is running, no mounts: no such sections.
  expect(text).not.toMatch(/Limits:|UpdateStatus:|Mounts:/);
});

test('jobs, global services, health checks, mounts and an update in progress', () => {
  const job = prettyService(
    service({
      spec: { annotations: { name: 'j' }, replicatedJob: { maxConcurrent: 2, totalCompletions: 6 } },
    }),
    NOW,
  );
  expect(job).toMatch(/Service Mode:\s+Replicated Job\n Max Concurrent:\s+2\n Total Completions:\s+6\n/);
  const global = prettyService(
    service({
      spec: {
        annotations: { name: 'g' },
        global: {},
        task: {
          container: {
            image: 'x',
            healthcheck: { test: ['CMD-SHELL', 'curl -f localhost'], intervalNs: 3e9, retries: 2 },
            mounts: [{ type: 'VOLUME', source: 'data', target: '/data', readOnly: true }],
          },
        },
      },
      updateStatus: { state: 'UPDATING', startedAt: NOW - 90_000, message: 'update in progress' },
    }),
    NOW,
  );
  expect(global).toMatch(/Service Mode:\s+Global\n/);
  expect(global).toMatch(
    /UpdateStatus:\n State:\s+updating\n Started:\s+2 minutes ago\n Message:\s+update in progress\n/,
  );
  expect(global).toMatch(
    / Healthcheck:\n {2}Test:\s+CMD-SHELL curl -f localhost\n {2}Interval:\s+3s\n {2}Retries:\s+2\n/,
  );
  expect(global).toMatch(
    /Mounts:\n Target:\s+\/data\n {2}Source:\s+data\n {2}ReadOnly:\s+true\n {2}Type:\s+volume\n/,
  );
});

test('sizes as docker prints them', () => {
  expect(bytesSize(512)).toBe('512B');
  expect(bytesSize(64 * 1024 * 1024)).toBe('64MiB');
  expect(bytesSize(1.5 * 1024 ** 3)).toBe('1.5GiB');
  expect(bytesSize(1000 * 1024)).toBe('1000KiB');
});

test('a manager node: status, raft role, platform, resources and engine labels', () => {
  const n = normalize<Node>('nodes', {
    id: 'n1id',
    meta: { createdAt: Date.UTC(2026, 10, 23, 9, 30) },
    spec: { annotations: { labels: { zone: 'a' } }, availability: 'DRAIN' },
    description: {
      hostname: 'm1',
      platform: { os: 'linux', architecture: 'x86_64' },
      resources: { nanoCpus: 2e9, memoryBytes: 2 * 1024 ** 3 },
      engine: { engineVersion: '27.5.1', labels: { disk: 'ssd' } },
    },
    status: { state: 'READY', addr: '10.213.1.11' },
    managerStatus: { raftId: 3, addr: '10.213.1.11:2377', leader: true, reachability: 'REACHABLE' },
  });
  const compact = prettyNode(n)
    .split('\n')
    .map((l) => l.replace(/:\s+/, ': '))
    .join('\n');
  expect(compact).toBe(
    [
      'ID: n1id',
      'Hostname: m1',
      'Joined at: 2026-11-23T09:30:00.000Z',
      'Labels:',
      ' zone=a',
      'Status:',
      ' State: Ready',
      ' Availability: Drain',
      ' Address: 10.213.1.11',
      'Manager Status:',
      ' Address: 10.213.1.11:2377',
      ' Raft Status: Reachable',
      ' Leader: Yes',
      'Platform:',
      ' Operating System: linux',
      ' Architecture: x86_64',
      'Resources:',
      ' CPUs: 2',
      ' Memory: 2GiB',
      'Engine Version: 27.5.1',
      'Engine Labels:',
      ' - disk=ssd',
    ].join('\n'),
  );
  // A worker has no manager section.
  expect(prettyNode(normalize<Node>('nodes', { id: 'w' }))).not.toContain('Manager Status:');
});

test('render: heads alone, values in one column past the longest key', () => {
  expect(
    render([
      [0, 'A', '1'],
      [0, 'Sec:'],
      [1, 'Longer key', '2'],
    ]),
    // " Longer key:" is 12 wide; values start 2 past it.
  ).toBe(`A:${' '.repeat(12)}1\nSec:\n Longer key:  2`);
});
