// Plugs the store into the raft driver's state-machine slot. The result handed back to
// propose() is slim (no events): a follower's proposal is answered across the network.
import type { Entry } from '../../raft/types';
import { ApplyResult, MemoryStore } from './memory-store';

export type SlimApplyResult =
  Omit<Extract<ApplyResult, { ok: true }>, 'events'> | Extract<ApplyResult, { ok: false }>;

export function storeStateMachine(store: MemoryStore) {
  return {
    apply(entry: Entry): SlimApplyResult {
      const r = store.apply(entry.data, entry.index);
      return r.ok ? { ok: true, version: r.version } : r;
    },
    snapshot: (): Uint8Array => store.snapshot(),
    restore: (data: Uint8Array): void => store.restore(data),
  };
}
