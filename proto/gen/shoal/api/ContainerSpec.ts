// Original file: proto/objects.proto

import type { Mount as _shoal_api_Mount, Mount__Output as _shoal_api_Mount__Output } from '../../shoal/api/Mount';
import type { HealthConfig as _shoal_api_HealthConfig, HealthConfig__Output as _shoal_api_HealthConfig__Output } from '../../shoal/api/HealthConfig';
import type { SecretReference as _shoal_api_SecretReference, SecretReference__Output as _shoal_api_SecretReference__Output } from '../../shoal/api/SecretReference';
import type { ConfigReference as _shoal_api_ConfigReference, ConfigReference__Output as _shoal_api_ConfigReference__Output } from '../../shoal/api/ConfigReference';
import type { PullOptions as _shoal_api_PullOptions, PullOptions__Output as _shoal_api_PullOptions__Output } from '../../shoal/api/PullOptions';
import type { Long } from '@grpc/proto-loader';

export interface ContainerSpec {
  'image'?: (string);
  'labels'?: ({[key: string]: string});
  'command'?: (string)[];
  'args'?: (string)[];
  'env'?: (string)[];
  'hostname'?: (string);
  'user'?: (string);
  'groups'?: (string)[];
  'dir'?: (string);
  'tty'?: (boolean);
  'openStdin'?: (boolean);
  'readOnly'?: (boolean);
  'mounts'?: (_shoal_api_Mount)[];
  'healthcheck'?: (_shoal_api_HealthConfig | null);
  'stopSignal'?: (string);
  'stopGracePeriodNs'?: (number | string | Long);
  'secrets'?: (_shoal_api_SecretReference)[];
  'configs'?: (_shoal_api_ConfigReference)[];
  'hosts'?: (string)[];
  'dnsNameservers'?: (string)[];
  'init'?: (boolean);
  'pullOptions'?: (_shoal_api_PullOptions | null);
}

export interface ContainerSpec__Output {
  'image': (string);
  'labels': ({[key: string]: string});
  'command': (string)[];
  'args': (string)[];
  'env': (string)[];
  'hostname': (string);
  'user': (string);
  'groups': (string)[];
  'dir': (string);
  'tty': (boolean);
  'openStdin': (boolean);
  'readOnly': (boolean);
  'mounts': (_shoal_api_Mount__Output)[];
  'healthcheck': (_shoal_api_HealthConfig__Output | null);
  'stopSignal': (string);
  'stopGracePeriodNs': (number);
  'secrets': (_shoal_api_SecretReference__Output)[];
  'configs': (_shoal_api_ConfigReference__Output)[];
  'hosts': (string)[];
  'dnsNameservers': (string)[];
  'init': (boolean);
  'pullOptions': (_shoal_api_PullOptions__Output | null);
}
