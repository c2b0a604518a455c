// Original file: proto/control.proto

import type { WatchEvent as _shoal_api_WatchEvent, WatchEvent__Output as _shoal_api_WatchEvent__Output } from '../../shoal/api/WatchEvent';
import type { Long } from '@grpc/proto-loader';

export interface WatchMessage {
  'initial'?: (boolean);
  'events'?: (_shoal_api_WatchEvent)[];
  'storeVersion'?: (number | string | Long);
}

export interface WatchMessage__Output {
  'initial': (boolean);
  'events': (_shoal_api_WatchEvent__Output)[];
  'storeVersion': (number);
}
