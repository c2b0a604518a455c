// What the rest of the manager writes through: `await store.update(tx => ...)` builds a
// transaction against the local state, checks it locally (cheap early errors), proposes
// it through raft, and resolves once it is applied on this manager, or rejects with the
// StoreError every manager reached.
import { StoreError } from './errors';
import { isApplyResult, MemoryStore } from './memory-store';
import { associatedData, KeyRing } from './sealing';
import type { TableTypes } from './tables';
import { encodeTransactionExact } from './transaction';
import { BuilderOptions, TxBuilder } from './tx-builder';

/** The raft driver's propose: resolves with the state machine's apply result. */
export type ProposeFn = (data: Uint8Array) => Promise<unknown>;

export interface ProposingStoreOptions extends BuilderOptions {
  /** Milliseconds since the epoch for created_at/updated_at (injectable for tests). */
  clock?: () => number;
}

export interface UpdateOptions {
  /** Re-run the builder this many times if another change got in first (version conflict). */
  retries?: number;
}

export class ProposingStore {
  constructor(
    /** The local replica; reads go straight to it. */
    readonly local: MemoryStore,
    private readonly propose: ProposeFn,
    private readonly opts: ProposingStoreOptions = {},
  ) {}

  async update<R>(fn: (tx: TxBuilder) => R, opts: UpdateOptions = {}): Promise<R> {
    for (let attempt = 0; ; attempt++) {
      const tx = new TxBuilder(this.local, this.opts);
      const value = fn(tx);
      if (tx.size === 0) return value;
      const transaction = tx.build((this.opts.clock ?? Date.now)());
      // Fail fast on what the local replica already rejects; apply checks again anyway.
      const early = this.local.validate(transaction);
      if (early) throw early;
      const { bytes, exact } = encodeTransactionExact(transaction);
      // The builder is dropped after this, so apply may keep the transaction's objects.
      const forget = exact ? this.local.expectOwnProposal(bytes, transaction) : undefined;
      let result: unknown;
      try {
        result = await this.propose(bytes);
      } finally {
        forget?.();
      }
      if (!isApplyResult(result)) throw new Error('propose resolved without an apply result from the store');
      if (result.ok) return value;
      // Another change was applied between building and applying: rebuild on fresh state.
      const err = new StoreError(result.error);
      if (err.storeCode !== 'version-conflict' || attempt >= (opts.retries ?? 0)) throw err;
    }
  }

  /** The plaintext of a secret (for the dispatcher sending it to a node that needs it). */
  openSecret(secret: TableTypes['secrets']): Buffer {
    if (!this.opts.keyring) throw new Error('no data-encryption key is configured');
    return openSecret(this.opts.keyring, secret);
  }
}

export function openSecret(keyring: KeyRing, secret: TableTypes['secrets']): Buffer {
  return keyring.open(secret.sealedData, associatedData('secrets', secret.id));
}

/** For the cluster object's CA key: sealed the same way, bound to the cluster id. */
export function sealCAKey(keyring: KeyRing, clusterId: string, keyPem: string): string {
  return keyring.seal(Buffer.from(keyPem), associatedData('clusters', clusterId));
}

export function openCAKey(keyring: KeyRing, cluster: TableTypes['clusters']): string {
  const sealed = cluster.rootCa?.sealedCaKey;
  if (!sealed) throw new Error(`cluster ${cluster.id} holds no CA key`);
  return keyring.open(sealed, associatedData('clusters', cluster.id)).toString();
}
