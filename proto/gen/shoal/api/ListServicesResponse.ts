// Original file: proto/control.proto

import type { Service as _shoal_api_Service, Service__Output as _shoal_api_Service__Output } from '../../shoal/api/Service';
import type { ServiceStatus as _shoal_api_ServiceStatus, ServiceStatus__Output as _shoal_api_ServiceStatus__Output } from '../../shoal/api/ServiceStatus';

export interface ListServicesResponse {
  'services'?: (_shoal_api_Service)[];
  'statuses'?: ({[key: string]: _shoal_api_ServiceStatus});
}

export interface ListServicesResponse__Output {
  'services': (_shoal_api_Service__Output)[];
  'statuses': ({[key: string]: _shoal_api_ServiceStatus__Output});
}
