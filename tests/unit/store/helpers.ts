import { MemoryStore, ProposingStore, KeyRing, generateDataKey } from '../../../manager/store';

/** A stand-in for raft: every proposal is applied, in order, on all replicas. */
export function replicatedStores(n: number, keyring = new KeyRing(generateDataKey())) {
  const replicas = Array.from({ length: n }, () => new MemoryStore());
  const log: Uint8Array[] = [];
  let index = 0;
  const propose = async (data: Uint8Array) => {
    // Like raft, commit happens later: other proposals may be built meanwhile.
    await new Promise((r) => setImmediate(r));
    log.push(data);
    index++;
    const results = replicas.map((r) => r.apply(data, index));
    return results[0];
  };
  let t = 1_700_000_000_000;
  const stores = replicas.map((r) => new ProposingStore(r, propose, { keyring, clock: () => t++ }));
  return { replicas, stores, log, keyring };
}

export const serviceInput = (name: string, extra: Record<string, unknown> = {}) => ({
  spec: {
    annotations: { name, labels: { app: name } },
    task: { container: { image: 'nginx:alpine' } },
    replicated: { replicas: 2 },
  },
  ...extra,
});
