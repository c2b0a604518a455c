// Original file: proto/objects.proto

import type { EndpointSpec as _shoal_api_EndpointSpec, EndpointSpec__Output as _shoal_api_EndpointSpec__Output } from '../../shoal/api/EndpointSpec';
import type { PortConfig as _shoal_api_PortConfig, PortConfig__Output as _shoal_api_PortConfig__Output } from '../../shoal/api/PortConfig';
import type { VirtualIP as _shoal_api_VirtualIP, VirtualIP__Output as _shoal_api_VirtualIP__Output } from '../../shoal/api/VirtualIP';

export interface Endpoint {
  'spec'?: (_shoal_api_EndpointSpec | null);
  'ports'?: (_shoal_api_PortConfig)[];
  'virtualIps'?: (_shoal_api_VirtualIP)[];
}

export interface Endpoint__Output {
  'spec': (_shoal_api_EndpointSpec__Output | null);
  'ports': (_shoal_api_PortConfig__Output)[];
  'virtualIps': (_shoal_api_VirtualIP__Output)[];
}
