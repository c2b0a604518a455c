// Original file: proto/objects.proto

import type { Annotations as _shoal_api_Annotations, Annotations__Output as _shoal_api_Annotations__Output } from '../../shoal/api/Annotations';
import type { TaskSpec as _shoal_api_TaskSpec, TaskSpec__Output as _shoal_api_TaskSpec__Output } from '../../shoal/api/TaskSpec';
import type { ReplicatedService as _shoal_api_ReplicatedService, ReplicatedService__Output as _shoal_api_ReplicatedService__Output } from '../../shoal/api/ReplicatedService';
import type { GlobalService as _shoal_api_GlobalService, GlobalService__Output as _shoal_api_GlobalService__Output } from '../../shoal/api/GlobalService';
import type { ReplicatedJob as _shoal_api_ReplicatedJob, ReplicatedJob__Output as _shoal_api_ReplicatedJob__Output } from '../../shoal/api/ReplicatedJob';
import type { GlobalJob as _shoal_api_GlobalJob, GlobalJob__Output as _shoal_api_GlobalJob__Output } from '../../shoal/api/GlobalJob';
import type { UpdateConfig as _shoal_api_UpdateConfig, UpdateConfig__Output as _shoal_api_UpdateConfig__Output } from '../../shoal/api/UpdateConfig';
import type { EndpointSpec as _shoal_api_EndpointSpec, EndpointSpec__Output as _shoal_api_EndpointSpec__Output } from '../../shoal/api/EndpointSpec';

export interface ServiceSpec {
  'annotations'?: (_shoal_api_Annotations | null);
  'task'?: (_shoal_api_TaskSpec | null);
  'replicated'?: (_shoal_api_ReplicatedService | null);
  'global'?: (_shoal_api_GlobalService | null);
  'replicatedJob'?: (_shoal_api_ReplicatedJob | null);
  'globalJob'?: (_shoal_api_GlobalJob | null);
  'update'?: (_shoal_api_UpdateConfig | null);
  'rollback'?: (_shoal_api_UpdateConfig | null);
  'endpoint'?: (_shoal_api_EndpointSpec | null);
  'mode'?: "replicated"|"global"|"replicatedJob"|"globalJob";
}

export interface ServiceSpec__Output {
  'annotations': (_shoal_api_Annotations__Output | null);
  'task': (_shoal_api_TaskSpec__Output | null);
  'replicated'?: (_shoal_api_ReplicatedService__Output | null);
  'global'?: (_shoal_api_GlobalService__Output | null);
  'replicatedJob'?: (_shoal_api_ReplicatedJob__Output | null);
  'globalJob'?: (_shoal_api_GlobalJob__Output | null);
  'update': (_shoal_api_UpdateConfig__Output | null);
  'rollback': (_shoal_api_UpdateConfig__Output | null);
  'endpoint': (_shoal_api_EndpointSpec__Output | null);
  'mode'?: "replicated"|"global"|"replicatedJob"|"globalJob";
}
