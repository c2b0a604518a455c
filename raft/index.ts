// Public surface of the raft library.
export * from './types';
export * from './core/config';
export * from './core/confchange-codec';
export * from './core/describe';
export * from './core/progress';
export * from './core/raft';
export * from './core/raw-node';
export * from './memory-storage';
