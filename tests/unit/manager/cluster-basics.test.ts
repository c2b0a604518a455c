// Pure parts of the cluster layer: heartbeat expiry, Swarm's quorum rule for leaving
// managers, address parsing, and the node list filters of the CLI.
import { HeartbeatTracker } from '../../../manager/node-status/heartbeats';
import { checkRemoval, quorumOf } from '../../../manager/membership/quorum';
import { parseHostPort, raftAddressFor } from '../../../manager/addresses';
import { nodeFilters, managerStatusText } from '../../../cli/commands/node';
import { peerHost } from '../../../manager/dispatcher/dispatcher';
import { engineLabels } from '../../../worker-agent/executor/node-description';
import type { Node } from '../../../manager/api-types';

describe('HeartbeatTracker', () => {
  test('a node expires once its grace has passed since the last beat, and only once', () => {
    let now = 1000;
    const t = new HeartbeatTracker(() => now);
    t.beat('a', 1500);
    t.beat('b', 1500);
    now = 2000;
    t.beat('b', 1500); // b keeps beating
    now = 2499;
    expect(t.takeExpired()).toEqual([]);
    now = 2500;
    expect(t.takeExpired()).toEqual(['a']);
    expect(t.takeExpired()).toEqual([]);
    now = 3500;
    expect(t.takeExpired()).toEqual(['b']);
  });

  test('expect() starts a deadline only for nodes not already tracked', () => {
    let now = 0;
    const t = new HeartbeatTracker(() => now);
    t.beat('a', 100);
    t.expect('a', 3000); // must not extend a's deadline
    t.expect('b', 3000);
    now = 100;
    expect(t.takeExpired()).toEqual(['a']);
    now = 3000;
    expect(t.takeExpired()).toEqual(['b']);
  });
});

describe('HeartbeatTracker: a silent node whose connection is open', () => {
  const connectedGrace = (open: Set<string>) => ({ connected: (id: string) => open.has(id), graceMs: 5_000 });

  test('is kept until the longer grace has passed since its last beat; a closed one expires at once', () => {
    let now = 0;
    const t = new HeartbeatTracker(() => now);
    const open = new Set(['starved', 'hung']);
    t.beat('starved', 1_500);
    t.beat('hung', 1_500);
    t.beat('killed', 1_500);
    now = 1_500;
    expect(t.takeExpired(connectedGrace(open))).toEqual(['killed']);
    now = 3_000;
    t.beat('starved', 1_500); // its heartbeat got through after all
    now = 4_999;
    expect(t.takeExpired(connectedGrace(open))).toEqual([]);
    now = 5_000; // 'hung' has been silent for 5 s though still connected
    expect(t.takeExpired(connectedGrace(open))).toEqual(['hung']);
    now = 7_999; // 'starved' last beat at 3 s: fine until 8 s
    expect(t.takeExpired(connectedGrace(open))).toEqual([]);
    expect(t.has('starved')).toBe(true);
  });

  test('expires after the short grace once its connection closes during the longer one', () => {
    let now = 0;
    const t = new HeartbeatTracker(() => now);
    const open = new Set(['a']);
    t.beat('a', 1_500);
    now = 2_000;
    expect(t.takeExpired(connectedGrace(open))).toEqual([]);
    open.delete('a'); // the agent was killed after all: its connection broke
    now = 2_100;
    expect(t.takeExpired(connectedGrace(open))).toEqual(['a']);
  });
});

describe('quorum after removing a manager', () => {
  test('quorum sizes', () => {
    expect([1, 2, 3, 4, 5].map(quorumOf)).toEqual([1, 2, 2, 3, 3]);
  });
  test('3 managers all up: one may leave (2 of 2 remain)', () => {
    expect(checkRemoval([1, 2, 3], 3, () => true)).toEqual({
      ok: true,
      remaining: 2,
      reachable: 2,
      quorum: 2,
    });
  });
  test('3 managers with one down: removing a live one would lose quorum', () => {
    expect(checkRemoval([1, 2, 3], 3, (id) => id !== 2).ok).toBe(false);
  });
  test('removing the down one is fine', () => {
    expect(checkRemoval([1, 2, 3], 2, (id) => id !== 2).ok).toBe(true);
  });
  test('the last manager can never be removed this way', () => {
    expect(checkRemoval([1], 1, () => true).ok).toBe(false);
  });
});

describe('addresses', () => {
  test('host, host:port, [v6]:port; the raft port follows the API port', () => {
    expect(parseHostPort('10.0.0.1', '--advertise-addr')).toEqual({ host: '10.0.0.1', port: 2377 });
    expect(parseHostPort('10.0.0.1:4000', '--advertise-addr')).toEqual({ host: '10.0.0.1', port: 4000 });
    expect(parseHostPort('[::1]:4000', 'x')).toEqual({ host: '::1', port: 4000 });
    expect(raftAddressFor('10.0.0.1:2377')).toBe('10.0.0.1:2378');
  });
  test('bad input names the flag', () => {
    expect(() => parseHostPort('', '--listen-addr')).toThrow(/--listen-addr: an address is required/);
    expect(() => parseHostPort('h:abc', '--listen-addr')).toThrow(/--listen-addr: port must be a number/);
    expect(() => parseHostPort('h:70000', '--advertise-addr')).toThrow(
      /--advertise-addr: port must be between/,
    );
  });
  test('peer strings from grpc', () => {
    expect(peerHost('ipv4:10.213.1.12:41234')).toBe('10.213.1.12');
    expect(peerHost('ipv6:[::1]:5000')).toBe('::1');
  });
});

describe('CLI node helpers', () => {
  test('filters map to ListNodes filters; unknown keys and bad values are named', () => {
    expect(nodeFilters(['role=manager', 'name=m1', 'label=zone=a', 'label=ssd', 'id=abc'])).toEqual({
      common: { names: ['m1'], idPrefixes: ['abc'], labels: { zone: 'a', ssd: '' } },
      roles: ['manager'],
      memberships: [],
    });
    expect(() => nodeFilters(['color=red'])).toThrow(/--filter: unknown filter "color"/);
    expect(() => nodeFilters(['role=boss'])).toThrow(/--filter role: must be manager or worker/);
    expect(() => nodeFilters(['role'])).toThrow(/--filter: must look like key=value/);
  });
  test('manager status column', () => {
    const n = (ms: Partial<NonNullable<Node['managerStatus']>> | null) => ({ managerStatus: ms }) as Node;
    expect(managerStatusText(n(null))).toBe('');
    expect(managerStatusText(n({ raftId: 5, leader: true, reachability: 'REACHABLE' }))).toBe('Leader');
    expect(managerStatusText(n({ raftId: 5, leader: false, reachability: 'REACHABLE' }))).toBe('Reachable');
    expect(managerStatusText(n({ raftId: 5, leader: false, reachability: 'UNREACHABLE' }))).toBe(
      'Unreachable',
    );
  });
  test('engine labels from docker info', () => {
    expect(engineLabels(['shoal.lab=t1', 'flag'])).toEqual({ 'shoal.lab': 't1', flag: '' });
  });
});
