export { DiskStorage } from './disk-storage';
export type { DiskStorageOptions, PersistBatch } from './disk-storage';
export { Wal, WalCorruptionError, DEFAULT_SEGMENT_BYTES } from './wal';
export type { TornTail } from './wal';
export { Snapshotter } from './snapshotter';
