// Original file: proto/dispatcher.proto

import type { WeightedPeer as _shoal_dispatcher_WeightedPeer, WeightedPeer__Output as _shoal_dispatcher_WeightedPeer__Output } from '../../shoal/dispatcher/WeightedPeer';
import type { Long } from '@grpc/proto-loader';

export interface RegisterResponse {
  'sessionId'?: (string);
  'nodeId'?: (string);
  'heartbeatPeriodNs'?: (number | string | Long);
  'managers'?: (_shoal_dispatcher_WeightedPeer)[];
}

export interface RegisterResponse__Output {
  'sessionId': (string);
  'nodeId': (string);
  'heartbeatPeriodNs': (number);
  'managers': (_shoal_dispatcher_WeightedPeer__Output)[];
}
