// Original file: proto/control.proto

import type { Service as _shoal_api_Service, Service__Output as _shoal_api_Service__Output } from '../../shoal/api/Service';

export interface ListServicesResponse {
  'services'?: (_shoal_api_Service)[];
}

export interface ListServicesResponse__Output {
  'services': (_shoal_api_Service__Output)[];
}
