// Original file: proto/control.proto

import type { ServiceSpec as _shoal_api_ServiceSpec, ServiceSpec__Output as _shoal_api_ServiceSpec__Output } from '../../shoal/api/ServiceSpec';

export interface CreateServiceRequest {
  'spec'?: (_shoal_api_ServiceSpec | null);
}

export interface CreateServiceRequest__Output {
  'spec': (_shoal_api_ServiceSpec__Output | null);
}
