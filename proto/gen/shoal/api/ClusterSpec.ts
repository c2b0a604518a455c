// Original file: proto/objects.proto

import type { Annotations as _shoal_api_Annotations, Annotations__Output as _shoal_api_Annotations__Output } from '../../shoal/api/Annotations';
import type { OrchestrationConfig as _shoal_api_OrchestrationConfig, OrchestrationConfig__Output as _shoal_api_OrchestrationConfig__Output } from '../../shoal/api/OrchestrationConfig';
import type { RaftConfig as _shoal_api_RaftConfig, RaftConfig__Output as _shoal_api_RaftConfig__Output } from '../../shoal/api/RaftConfig';
import type { DispatcherConfig as _shoal_api_DispatcherConfig, DispatcherConfig__Output as _shoal_api_DispatcherConfig__Output } from '../../shoal/api/DispatcherConfig';
import type { CAConfig as _shoal_api_CAConfig, CAConfig__Output as _shoal_api_CAConfig__Output } from '../../shoal/api/CAConfig';

export interface ClusterSpec {
  'annotations'?: (_shoal_api_Annotations | null);
  'orchestration'?: (_shoal_api_OrchestrationConfig | null);
  'raft'?: (_shoal_api_RaftConfig | null);
  'dispatcher'?: (_shoal_api_DispatcherConfig | null);
  'caConfig'?: (_shoal_api_CAConfig | null);
}

export interface ClusterSpec__Output {
  'annotations': (_shoal_api_Annotations__Output | null);
  'orchestration': (_shoal_api_OrchestrationConfig__Output | null);
  'raft': (_shoal_api_RaftConfig__Output | null);
  'dispatcher': (_shoal_api_DispatcherConfig__Output | null);
  'caConfig': (_shoal_api_CAConfig__Output | null);
}
