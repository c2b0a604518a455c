// Public surface of the replicated store.
export * from './errors';
export * from './ids';
export * from './memory-store';
export * from './proposing-store';
export * from './raft-adapter';
export * from './sealing';
export { normalize } from './schema';
export * from './tables';
export * from './transaction';
export * from './tx-builder';
