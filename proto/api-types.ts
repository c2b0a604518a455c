// Friendly names for the cluster objects generated from proto/objects.proto, shared by
// managers and agents. The `__Output` shapes (every field present, defaults filled) are
// what the store holds and what the control API and dispatcher return; the input shapes
// (all optional) are what callers may pass to be normalized.
export type { Node__Output as Node, Node as NodeInput } from './gen/shoal/api/Node';
export type { Service__Output as Service, Service as ServiceInput } from './gen/shoal/api/Service';
export type { Task__Output as Task, Task as TaskInput } from './gen/shoal/api/Task';
export type { Network__Output as Network, Network as NetworkInput } from './gen/shoal/api/Network';
export type { Secret__Output as Secret, Secret as SecretInput } from './gen/shoal/api/Secret';
export type { Config__Output as Config, Config as ConfigInput } from './gen/shoal/api/Config';
export type { Cluster__Output as Cluster, Cluster as ClusterInput } from './gen/shoal/api/Cluster';
export type { Meta__Output as Meta } from './gen/shoal/api/Meta';
export type { Annotations__Output as Annotations } from './gen/shoal/api/Annotations';
export type { NodeSpec__Output as NodeSpec } from './gen/shoal/api/NodeSpec';
export type { NodeDescription__Output as NodeDescription } from './gen/shoal/api/NodeDescription';
export type { ServiceSpec__Output as ServiceSpec } from './gen/shoal/api/ServiceSpec';
export type { TaskSpec__Output as TaskSpec } from './gen/shoal/api/TaskSpec';
export type { TaskStatus__Output as TaskStatus } from './gen/shoal/api/TaskStatus';
export type { TaskState__Output as TaskState } from './gen/shoal/api/TaskState';
export type { NetworkSpec__Output as NetworkSpec } from './gen/shoal/api/NetworkSpec';
export type { SecretSpec__Output as SecretSpec } from './gen/shoal/api/SecretSpec';
export type { ConfigSpec__Output as ConfigSpec } from './gen/shoal/api/ConfigSpec';
export type { ClusterSpec__Output as ClusterSpec } from './gen/shoal/api/ClusterSpec';
