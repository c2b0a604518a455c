// Original file: proto/objects.proto

import type { ContainerSpec as _shoal_api_ContainerSpec, ContainerSpec__Output as _shoal_api_ContainerSpec__Output } from '../../shoal/api/ContainerSpec';
import type { ResourceRequirements as _shoal_api_ResourceRequirements, ResourceRequirements__Output as _shoal_api_ResourceRequirements__Output } from '../../shoal/api/ResourceRequirements';
import type { RestartPolicy as _shoal_api_RestartPolicy, RestartPolicy__Output as _shoal_api_RestartPolicy__Output } from '../../shoal/api/RestartPolicy';
import type { Placement as _shoal_api_Placement, Placement__Output as _shoal_api_Placement__Output } from '../../shoal/api/Placement';
import type { NetworkAttachmentConfig as _shoal_api_NetworkAttachmentConfig, NetworkAttachmentConfig__Output as _shoal_api_NetworkAttachmentConfig__Output } from '../../shoal/api/NetworkAttachmentConfig';
import type { Long } from '@grpc/proto-loader';

export interface TaskSpec {
  'container'?: (_shoal_api_ContainerSpec | null);
  'resources'?: (_shoal_api_ResourceRequirements | null);
  'restart'?: (_shoal_api_RestartPolicy | null);
  'placement'?: (_shoal_api_Placement | null);
  'networks'?: (_shoal_api_NetworkAttachmentConfig)[];
  'forceUpdate'?: (number | string | Long);
}

export interface TaskSpec__Output {
  'container': (_shoal_api_ContainerSpec__Output | null);
  'resources': (_shoal_api_ResourceRequirements__Output | null);
  'restart': (_shoal_api_RestartPolicy__Output | null);
  'placement': (_shoal_api_Placement__Output | null);
  'networks': (_shoal_api_NetworkAttachmentConfig__Output)[];
  'forceUpdate': (number);
}
