import { managerPeers } from '../../../manager/dispatcher/manager-peers';
import type { Node } from '../../../manager/api-types';
import { node } from '../orchestrator/fixtures';

const manager = (id: string, addr: string, state: string): Node => {
  const n = node(id, { role: 'manager', state });
  n.managerStatus = { raftId: 1, addr, leader: false, reachability: 'REACHABLE' };
  return n;
};

describe('the manager list agents get', () => {
  it('names a manager that is down too, after the ones that are up', () => {
    const peers = managerPeers([
      manager('m1', '10.0.0.1:2377', 'DOWN'),
      manager('m2', '10.0.0.2:2377', 'READY'),
      manager('m3', '10.0.0.3:2377', 'READY'),
    ]);
    expect(peers.map((p) => [p.addr, p.weight])).toEqual([
      ['10.0.0.2:2377', 1],
      ['10.0.0.3:2377', 1],
      ['10.0.0.1:2377', 0],
    ]);
  });

  it('leaves out a manager node without an address (not yet admitted to raft)', () => {
    const pending = node('m4', { role: 'manager' });
    expect(managerPeers([pending, manager('m2', '10.0.0.2:2377', 'READY')]).map((p) => p.nodeId)).toEqual([
      'm2',
    ]);
  });
});
