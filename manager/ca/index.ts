// Public surface of the cluster CA for shoald and the other manager parts.
export * from './authority';
export * from './client';
export * from './duration';
export * from './identity';
export * from './join-token';
export { certificateDigest } from './pki';
export * from './renewal';
export * from './roles';
export * from './service';
export * from './tls';
