// The cluster object types live with the contracts (proto/api-types.ts) so agents can
// use them without importing the manager; this keeps the manager's short import path.
export type * from '../proto/api-types';
