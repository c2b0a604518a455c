// A node's role travels in its certificate's OU, spelled as swarmkit spells it, so the
// role is whatever the CA signed, never what a caller claims. The names are shared with
// agents through proto/node-tls.
import { MANAGER_OU, NodeRole, WORKER_OU } from '../../proto/node-tls';

export { MANAGER_OU, WORKER_OU, roleToOU } from '../../proto/node-tls';
export type { NodeRole } from '../../proto/node-tls';

export function ouToRole(ou: string): NodeRole | undefined {
  if (ou === MANAGER_OU) return 'manager';
  if (ou === WORKER_OU) return 'worker';
  return undefined;
}

export function assertRole(role: unknown, field = 'role'): NodeRole {
  if (role !== 'manager' && role !== 'worker') {
    throw new Error(`${field}: must be "manager" or "worker", got ${JSON.stringify(role)}`);
  }
  return role;
}
