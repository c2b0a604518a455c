// Original file: proto/control.proto

import type { Service as _shoal_api_Service, Service__Output as _shoal_api_Service__Output } from '../../shoal/api/Service';

export interface GetServiceResponse {
  'service'?: (_shoal_api_Service | null);
}

export interface GetServiceResponse__Output {
  'service': (_shoal_api_Service__Output | null);
}
