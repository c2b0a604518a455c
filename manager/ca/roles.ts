// A node's role travels in its certificate's OU, spelled as swarmkit spells it, so the
// role is whatever the CA signed, never what a caller claims.

export type NodeRole = 'manager' | 'worker';

export const MANAGER_OU = 'swarm-manager';
export const WORKER_OU = 'swarm-worker';

export function roleToOU(role: NodeRole): string {
  return role === 'manager' ? MANAGER_OU : WORKER_OU;
}

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
