// The store's tables and their secondary indexes. An index maps a key computed from an
// object to the ids holding it; unique indexes (names) are enforced by apply.
import type { Cluster, Config, Network, Node, Secret, Service, Task } from '../api-types';

export interface TableTypes {
  clusters: Cluster;
  nodes: Node;
  services: Service;
  tasks: Task;
  networks: Network;
  secrets: Secret;
  configs: Config;
}

export type TableName = keyof TableTypes;
export type StoreObject = TableTypes[TableName];

export const TABLE_NAMES: readonly TableName[] = [
  'clusters',
  'nodes',
  'services',
  'tasks',
  'networks',
  'secrets',
  'configs',
];

export interface IndexSpec {
  /** Keys of an object in this index ([] = not indexed). */
  keys(obj: StoreObject): string[];
  unique: boolean;
  /** For errors: what the key is ("name", "hostname"). */
  what: string;
}

function nameOf(obj: { spec: { annotations: { name: string } | null } | null }): string[] {
  const name = obj.spec?.annotations?.name;
  return name ? [name] : [];
}

const byName: IndexSpec = { keys: (o) => nameOf(o as Service), unique: true, what: 'name' };

export const INDEXES: { [T in TableName]: Record<string, IndexSpec> } = {
  clusters: { name: byName },
  nodes: {
    // Swarm allows two nodes with one hostname (e.g. a re-installed host), so not unique.
    hostname: {
      keys: (o) => ((o as Node).description?.hostname ? [(o as Node).description!.hostname] : []),
      unique: false,
      what: 'hostname',
    },
    role: { keys: (o) => ((o as Node).role ? [(o as Node).role] : []), unique: false, what: 'role' },
  },
  services: { name: byName },
  tasks: {
    service: {
      keys: (o) => ((o as Task).serviceId ? [(o as Task).serviceId] : []),
      unique: false,
      what: 'service',
    },
    node: { keys: (o) => ((o as Task).nodeId ? [(o as Task).nodeId] : []), unique: false, what: 'node' },
    slot: {
      keys: (o) => ((o as Task).serviceId ? [slotKey((o as Task).serviceId, (o as Task).slot)] : []),
      unique: false,
      what: 'slot',
    },
  },
  networks: { name: byName },
  secrets: { name: byName },
  configs: { name: byName },
};

export function slotKey(serviceId: string, slot: number): string {
  return `${serviceId}\u0000${slot}`;
}

/** The singular noun for messages ("service web already exists"). */
export const NOUN: Record<TableName, string> = {
  clusters: 'cluster',
  nodes: 'node',
  services: 'service',
  tasks: 'task',
  networks: 'network',
  secrets: 'secret',
  configs: 'config',
};
