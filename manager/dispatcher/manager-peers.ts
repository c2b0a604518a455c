// The manager list agents get with every registration and heartbeat (they replace their
// own list with it). It names every manager, the ones up first (weight 1) and the ones
// down after (weight 0): a manager left out while it was down (a restart) would be
// unknown to the agents if the others then died, and after `--force-new-cluster` they
// could never find the survivor. A removed or demoted manager is no longer a manager node
// and leaves the list.
import type { WeightedPeer } from '../../proto/gen/shoal/dispatcher/WeightedPeer';
import type { Node } from '../api-types';

export function managerPeers(managers: readonly Node[]): WeightedPeer[] {
  return managers
    .filter((n) => n.managerStatus?.addr)
    .map((n) => ({ nodeId: n.id, addr: n.managerStatus!.addr, weight: n.status?.state === 'DOWN' ? 0 : 1 }))
    .sort((a, b) => b.weight - a.weight);
}
