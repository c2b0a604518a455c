// Friendly names for the cluster objects generated from proto/objects.proto. The
// `__Output` shapes (every field present, defaults filled) are what the store holds and
// what the control API and dispatcher return; the input shapes (all optional) are what
// callers may pass to be normalized.
export type { Node__Output as Node, Node as NodeInput } from '../proto/gen/shoal/api/Node';
export type { Service__Output as Service, Service as ServiceInput } from '../proto/gen/shoal/api/Service';
export type { Task__Output as Task, Task as TaskInput } from '../proto/gen/shoal/api/Task';
export type { Network__Output as Network, Network as NetworkInput } from '../proto/gen/shoal/api/Network';
export type { Secret__Output as Secret, Secret as SecretInput } from '../proto/gen/shoal/api/Secret';
export type { Config__Output as Config, Config as ConfigInput } from '../proto/gen/shoal/api/Config';
export type { Cluster__Output as Cluster, Cluster as ClusterInput } from '../proto/gen/shoal/api/Cluster';
export type { Meta__Output as Meta } from '../proto/gen/shoal/api/Meta';
export type { Annotations__Output as Annotations } from '../proto/gen/shoal/api/Annotations';
export type { NodeSpec__Output as NodeSpec } from '../proto/gen/shoal/api/NodeSpec';
export type { NodeDescription__Output as NodeDescription } from '../proto/gen/shoal/api/NodeDescription';
export type { ServiceSpec__Output as ServiceSpec } from '../proto/gen/shoal/api/ServiceSpec';
export type { TaskSpec__Output as TaskSpec } from '../proto/gen/shoal/api/TaskSpec';
export type { TaskStatus__Output as TaskStatus } from '../proto/gen/shoal/api/TaskStatus';
export type { TaskState__Output as TaskState } from '../proto/gen/shoal/api/TaskState';
export type { NetworkSpec__Output as NetworkSpec } from '../proto/gen/shoal/api/NetworkSpec';
export type { SecretSpec__Output as SecretSpec } from '../proto/gen/shoal/api/SecretSpec';
export type { ConfigSpec__Output as ConfigSpec } from '../proto/gen/shoal/api/ConfigSpec';
export type { ClusterSpec__Output as ClusterSpec } from '../proto/gen/shoal/api/ClusterSpec';
