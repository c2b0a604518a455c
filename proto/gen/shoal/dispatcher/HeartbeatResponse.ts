// Original file: proto/dispatcher.proto

import type { WeightedPeer as _shoal_dispatcher_WeightedPeer, WeightedPeer__Output as _shoal_dispatcher_WeightedPeer__Output } from '../../shoal/dispatcher/WeightedPeer';
import type { Long } from '@grpc/proto-loader';

export interface HeartbeatResponse {
  'periodNs'?: (number | string | Long);
  'managers'?: (_shoal_dispatcher_WeightedPeer)[];
  'desiredRole'?: (string);
}

export interface HeartbeatResponse__Output {
  'periodNs': (number);
  'managers': (_shoal_dispatcher_WeightedPeer__Output)[];
  'desiredRole': (string);
}
